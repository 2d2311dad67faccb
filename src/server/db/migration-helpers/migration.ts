import type { Kysely } from "kysely";

/** The database a migration runs on. Its own union, so no migration imports today's schema module. */
export type Dialect = "sqlite" | "postgres";

/**
 * What a migration builds with. `any`, as Kysely advises for migrations: a migration ran against
 * the schema of its day, and typing it with today's `Database` would let a later change of the
 * schema types break (or silently change) a migration that has already shipped.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (see above).
export type MigrationDb = Kysely<any>;

/** One migration: its file is named after it (`migrations/<name>.ts`), and it is frozen once shipped. */
export type VinculoMigration = {
  name: string;
  up: (db: MigrationDb, dialect: Dialect) => Promise<void>;
};
