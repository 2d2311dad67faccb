import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import type { SettingRow, SettingsTable, SettingValues } from "./settings.repository.ts";
import { createSettingItem, listSettingItems, type SettingCheck, updateSettingItem } from "./settings.service.ts";

/** The fields a body gives (an absent field leaves the column as it is). */
export const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A list of settings an administrator edits (name-keyed, deactivated rather than
 * deleted so history keeps pointing at them). Every logged-in user reads them —
 * the person screen needs the names — and only administrators change them.
 * The routes of one list; settings.service.ts holds the rules, settings.repository.ts the SQL.
 */
export function settingsResource<Create extends z.ZodType, Update extends z.ZodType>(
  typedApp: Api,
  ctx: AppContext,
  spec: {
    path: string;
    table: SettingsTable;
    label: string;
    item: z.ZodType;
    create: Create;
    update: Update;
    toItem: (row: SettingRow) => unknown;
    toRow: (body: Partial<z.infer<Create>>) => SettingValues;
    /** A rule a change must pass (e.g. a ticket type in use keeps its area); throws an AppError to refuse it. */
    checkUpdate?: SettingCheck;
  },
): void {
  // One generic handler for several tables: typed at the edges (zod schemas), loosely inside.
  const app = typedApp as unknown as FastifyInstance;
  const tags = ["settings"];

  app.get(
    `/settings/${spec.path}`,
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: `Lista: ${spec.label}`,
        response: { 200: z.object({ items: z.array(spec.item) }), ...errors(401) },
      },
    },
    async () => ({ items: await listSettingItems(ctx, spec) }),
  );

  app.post(
    `/settings/${spec.path}`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: `Cria: ${spec.label}`,
        body: spec.create,
        response: { 201: spec.item, ...errors(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSettingItem(ctx, spec, request.body as z.infer<Create>)),
  );

  app.patch(
    `/settings/${spec.path}/:id`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: `Altera: ${spec.label}`,
        params: idParam,
        body: spec.update,
        response: { 200: spec.item, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) =>
      updateSettingItem(
        ctx,
        spec,
        (request.params as { id: number }).id,
        request.body as Partial<z.infer<Create>> & { version: number; isActive?: boolean },
      ),
  );
}
