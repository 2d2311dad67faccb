import {
  type CategoryRole,
  category,
  characteristic,
  createCategoryBody,
  createCharacteristicBody,
  createRelationshipTypeBody,
  relationshipType,
  updateCategoryBody,
  updateCharacteristicBody,
  updateRelationshipTypeBody,
} from "../../../shared/settings.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Api } from "../../types.ts";
import { defined, settingsResource } from "./settings-resource.ts";
import { ticketSettingsRoutes } from "./ticket-settings.routes.ts";

export function settingsRoutes(app: Api, ctx: AppContext): void {
  settingsResource(app, ctx, {
    path: "categories",
    table: "categories",
    label: "categoria",
    item: category,
    create: createCategoryBody,
    update: updateCategoryBody,
    toItem: (r) => ({
      id: r.id as number,
      name: r.name as string,
      role: r.role as CategoryRole,
      isActive: r.is_active === 1,
      version: r.version as number,
    }),
    toRow: (b) => defined({ name: b.name, role: b.role }),
  });
  settingsResource(app, ctx, {
    path: "characteristics",
    table: "characteristics",
    label: "característica",
    item: characteristic,
    create: createCharacteristicBody,
    update: updateCharacteristicBody,
    toItem: (r) => ({
      id: r.id as number,
      name: r.name as string,
      color: r.color as string,
      isActive: r.is_active === 1,
      version: r.version as number,
    }),
    toRow: (b) => defined({ name: b.name, color: b.color?.toLowerCase() }),
  });
  settingsResource(app, ctx, {
    path: "relationship-types",
    table: "relationship_types",
    label: "tipo de relacionamento",
    item: relationshipType,
    create: createRelationshipTypeBody,
    update: updateRelationshipTypeBody,
    toItem: (r) => ({
      id: r.id as number,
      name: r.name as string,
      inverseName: (r.inverse_name as string | null) ?? null,
      isActive: r.is_active === 1,
      version: r.version as number,
    }),
    toRow: (b) => defined({ name: b.name, inverse_name: b.inverseName }),
  });
  ticketSettingsRoutes(app, ctx);
}
