import {
  createNamedSettingBody,
  createTicketTypeBody,
  namedSetting,
  ticketType,
  updateNamedSettingBody,
  updateTicketTypeBody,
} from "../../../shared/settings.schemas.ts";
import type { Priority, TicketArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Api } from "../../types.ts";
import { keepAreaOfTypeInUse } from "./settings.service.ts";
import { defined, settingsResource } from "./settings-resource.ts";

const named = (r: Record<string, unknown>) => ({
  id: r.id as number,
  name: r.name as string,
  isActive: r.is_active === 1,
  version: r.version as number,
});

/** Ticket types, sectors and products (Configurador › Atendimentos). */
export function ticketSettingsRoutes(app: Api, ctx: AppContext): void {
  settingsResource(app, ctx, {
    path: "ticket-types",
    table: "ticket_types",
    label: "tipo de atendimento",
    item: ticketType,
    create: createTicketTypeBody,
    update: updateTicketTypeBody,
    toItem: (r) => ({
      ...named(r),
      area: r.area as TicketArea,
      daysToDue: r.days_to_due as number,
      defaultPriority: r.default_priority as Priority,
    }),
    toRow: (b) =>
      defined({ name: b.name, area: b.area, days_to_due: b.daysToDue, default_priority: b.defaultPriority }),
    checkUpdate: keepAreaOfTypeInUse,
  });
  settingsResource(app, ctx, {
    path: "sectors",
    table: "sectors",
    label: "setor",
    item: namedSetting,
    create: createNamedSettingBody,
    update: updateNamedSettingBody,
    toItem: named,
    toRow: (b) => defined({ name: b.name }),
  });
  settingsResource(app, ctx, {
    path: "products",
    table: "products",
    label: "produto",
    item: namedSetting,
    create: createNamedSettingBody,
    update: updateNamedSettingBody,
    toItem: named,
    toRow: (b) => defined({ name: b.name }),
  });
}
