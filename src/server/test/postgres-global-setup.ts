import pg from "pg";

/** Extensions live per database; create them once so every test schema can use them. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("create extension if not exists pg_trgm");
    // Leftovers of crashed runs: schemas older than a day.
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'vt\\_%'",
    );
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    for (const { nspname } of rows) {
      const stamp = Number(nspname.split("_")[1]);
      if (Number.isFinite(stamp) && stamp < dayAgo) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}
