import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0005-tickets-defaults" inside 0005-tickets.ts; renamed (../migration-renames.ts), same rows.

export const defaultTicketTypes = [
  { name: "Suporte técnico", area: "service", days_to_due: 2, default_priority: "normal" },
  { name: "Dúvida", area: "service", days_to_due: 1, default_priority: "normal" },
  { name: "Reclamação", area: "service", days_to_due: 1, default_priority: "high" },
  { name: "Solicitação comercial", area: "service", days_to_due: 3, default_priority: "normal" },
  { name: "Implantação", area: "service", days_to_due: 10, default_priority: "normal" },
  { name: "Correção de defeito", area: "production", days_to_due: 5, default_priority: "high" },
  { name: "Melhoria", area: "production", days_to_due: 20, default_priority: "normal" },
  { name: "Customização", area: "production", days_to_due: 30, default_priority: "normal" },
] as const;

export const defaultSectors = ["Suporte", "Comercial", "Financeiro", "Desenvolvimento", "Implantação"] as const;
export const defaultProducts = ["Vínculo CRM", "ERP Gestão", "Módulo Fiscal", "Folha de Pagamento"] as const;

/** A new database starts with the usual ticket types, sectors and products, and the ticket counter. */
export const ticketsDefaults: VinculoMigration = {
  name: "0006-tickets-defaults",
  async up(db) {
    await db
      .insertInto("ticket_types")
      .values(defaultTicketTypes.map((t) => ({ ...t })))
      .execute();
    await db
      .insertInto("sectors")
      .values(defaultSectors.map((name) => ({ name })))
      .execute();
    await db
      .insertInto("products")
      .values(defaultProducts.map((name) => ({ name })))
      .execute();
    await db.insertInto("sequences").values({ name: "ticket_number", value: 0 }).execute();
  },
};
