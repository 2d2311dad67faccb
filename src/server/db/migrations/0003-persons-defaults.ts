import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped inside 0002-persons.ts; its own file since issue 11 (same name, same rows).

export const defaultCategories = [
  { name: "Cliente", role: "customer" },
  { name: "Fornecedor", role: "supplier" },
  { name: "Funcionário", role: "employee" },
  { name: "Representante", role: "representative" },
  { name: "Transportadora", role: "carrier" },
  { name: "Prospect", role: "other" },
] as const;

export const defaultRelationshipTypes = [
  { name: "Representante", inverse_name: "Representado" },
  { name: "Funcionário", inverse_name: "Empregador" },
  { name: "Contato", inverse_name: "Contato de" },
  { name: "Matriz/Filial", inverse_name: "Filial/Matriz" },
  { name: "Sócio", inverse_name: "Sociedade" },
] as const;

/** A new database starts with the usual categories and relationship types. */
export const personsDefaults: VinculoMigration = {
  name: "0003-persons-defaults",
  async up(db) {
    await db
      .insertInto("categories")
      .values(defaultCategories.map((c) => ({ ...c })))
      .execute();
    await db
      .insertInto("relationship_types")
      .values(defaultRelationshipTypes.map((t) => ({ ...t })))
      .execute();
    await db.insertInto("sequences").values({ name: "person_code", value: 0 }).execute();
  },
};
