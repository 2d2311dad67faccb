import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { idParam } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import { AppError } from "../../errors.ts";
import { adminOnly, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";

type SettingsTable =
  | "categories"
  | "characteristics"
  | "relationship_types"
  | "ticket_types"
  | "sectors"
  | "products"
  | "appointment_types";

/**
 * A list of settings an administrator edits (name-keyed, deactivated rather than
 * deleted so history keeps pointing at them). Every logged-in user reads them —
 * the person screen needs the names — and only administrators change them.
 */
type Values = Record<string, string | number | null>;

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
    toItem: (row: Record<string, unknown>) => unknown;
    toRow: (body: Partial<z.infer<Create>>) => Values;
    /** A rule a change must pass (e.g. a ticket type in use keeps its area); throws an AppError to refuse it. */
    checkUpdate?: (current: Record<string, unknown>, changes: Values) => Promise<void>;
  },
): void {
  // One generic handler for several tables: typed at the edges (zod schemas), loosely inside.
  const app = typedApp as unknown as FastifyInstance;
  const table = spec.table as "categories";
  const duplicate = () =>
    new AppError("conflict", `name: já existe ${spec.label} com este nome.`, [{ field: "name", message: "já existe" }]);
  const load = async (id: number) => {
    const row = await ctx.db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("not_found", `${spec.label} não encontrado(a).`);
    return row;
  };

  app.get(
    `/settings/${spec.path}`,
    {
      onRequest: userOnly,
      schema: {
        tags: ["settings"],
        summary: `Lista: ${spec.label}`,
        response: { 200: z.object({ items: z.array(spec.item) }) },
      },
    },
    async () => ({
      items: (await ctx.db.selectFrom(table).selectAll().orderBy("name").execute()).map((r) => spec.toItem(r)),
    }),
  );

  app.post(
    `/settings/${spec.path}`,
    {
      onRequest: adminOnly,
      schema: { tags: ["settings"], summary: `Cria: ${spec.label}`, body: spec.create, response: { 201: spec.item } },
    },
    async (request, reply) => {
      const values = spec.toRow(request.body as z.infer<Create>) as { name: string; role: string };
      const { id } = await ctx.db
        .insertInto(table)
        .values(values)
        .returning("id")
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? duplicate() : error;
        });
      return reply.status(201).send(spec.toItem(await load(id)));
    },
  );

  app.patch(
    `/settings/${spec.path}/:id`,
    {
      onRequest: adminOnly,
      schema: {
        tags: ["settings"],
        summary: `Altera: ${spec.label}`,
        params: idParam,
        body: spec.update,
        response: { 200: spec.item },
      },
    },
    async (request) => {
      const body = request.body as { version: number; isActive?: boolean };
      const current = await load((request.params as { id: number }).id);
      if (current.version !== body.version) {
        throw new AppError("stale_version", "Outra pessoa alterou este registro; recarregue.", {
          currentVersion: current.version,
        });
      }
      const changes = {
        ...spec.toRow(body as unknown as Partial<z.infer<Create>>),
        ...(body.isActive !== undefined && { is_active: body.isActive ? 1 : 0 }),
      } as { name?: string };
      await spec.checkUpdate?.(current, changes as Values);
      const result = await ctx.db
        .updateTable(table)
        .set({ ...changes, version: current.version + 1 })
        .where("id", "=", current.id)
        .where("version", "=", current.version)
        .executeTakeFirst()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? duplicate() : error;
        });
      if (Number(result.numUpdatedRows) !== 1)
        throw new AppError("stale_version", "Outra pessoa alterou este registro; recarregue.");
      return spec.toItem(await load(current.id));
    },
  );
}
