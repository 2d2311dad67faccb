import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { migrations } from "./migrate.ts";
import type { VinculoMigration } from "./migration-helpers/migration.ts";
import { renamedMigrations } from "./migration-renames.ts";

/**
 * Every shipped migration file by the SHA-256 of its text (line ends as LF). A database runs a
 * migration once: an edit would reach new databases only, and the ones already migrated would
 * silently differ (as the critical-counts fix of 4b2298e did). A change is a new migration.
 * Adding a migration means adding its file here; never change a line that is already here.
 */
const SHIPPED: Record<string, string> = {
  "0001-platform.ts": "bb100626816904fc909e4f6c8ba71a37ceeaae2e7d7ccc97b572d1e30ef11071",
  "0002-persons.ts": "419ec127bc664cd5be284fab1d89be70e5e131cfbe75e885cae9ac1ddad777d9",
  "0003-persons-defaults.ts": "95c5316d3807aee76b74c1f933154ea7645fc4899d258aa27c1019cd836fc0ac",
  "0004-person-words.ts": "80dbd529c7a4fb2b35c3c18b2bd672c7297ec06917003fadd250fa04cf2a31da",
  "0005-tickets.ts": "a47f3020535eda75ae1201108d1c4c604a920e20cee3f4a5e65ff947be465e0d",
  "0006-tickets-defaults.ts": "5723297d955b72933eab4db3888288cbbd4a708f616866baa8c483c9095d6e94",
  "0007-mail.ts": "aee6f5ab47029f5ee50964cea8e6dbdd74c074835bf31781c981085d901c81d5",
  "0008-watchers-critical.ts": "ad6c34aba9d5f93e1bc4fe2cabf57a6bf36e17db1dc8ca39843ee22201d94e12",
  "0009-finance.ts": "4a3294e5fe1a9cc435953fabf17568f59e46ed7a07813a8f58850de716ed98be",
  "0010-appointments.ts": "4a6dc2220f42abf2987ea8d56c70ffa5ae0acd0df600ce7a8ccee36fbddcfd21",
  "0011-appointments-defaults.ts": "83a7ed18a8968f20b2027def53d7087a93be2b07caafb4c3a98e76b919fc958d",
  "0012-imports.ts": "f6b6030c6f582471e1900ac2851825eebe29e7e8a716874acffa994f0f6ca706",
  "0013-critical-counts-lock-order.ts": "6966644deb2359437c994472464e1c2c7a5cedd93598fd954d01645b2c839396",
  "0014-search-vocabulary.ts": "fb0ab5f90b5e34a22987c41e518d38e14d57bf6227126ba71f02840ae9b04d9c",
  "0015-journal.ts": "a90a28a3a50f197ea0432eda11bb85ab4e495e064d4dd1c4005a060378733af0",
  "0016-attachments.ts": "50c835253590b2e8e36a9df7e898c5fa62427156dfcc5ee353690d5352da3a3e",
  "0017-ticket-views.ts": "82d252028fbbebb62ac92944c585f47ea4345bc8affb894e05158e59cf2fa86a",
  "0018-webhooks.ts": "63a2e6b0771807ec1fbacf194d4efd9f731e4be909304cac4bf0bfec922b6b03",
};

/** The names databases migrated before issue 11 hold in vinculo_migrations, in order. */
const APPLIED_BEFORE_ISSUE_11 = [
  "0001-platform",
  "0002-persons",
  "0003-persons-defaults",
  "0004-person-words",
  "0005-tickets",
  "0005-tickets-defaults",
  "0006-mail",
  "0007-watchers-critical",
  "0008-finance",
  "0009-appointments",
  "0009-appointments-defaults",
  "0010-imports",
];

const dir = path.join(import.meta.dirname, "migrations");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort();
const sha256 = (file: string) =>
  createHash("sha256")
    .update(fs.readFileSync(path.join(dir, file), "utf8").replace(/\r\n/g, "\n"))
    .digest("hex");

const isMigration = (value: unknown): value is VinculoMigration =>
  typeof value === "object" && value !== null && "name" in value && "up" in value;

describe("shipped migrations", () => {
  it.each(Object.keys(SHIPPED))("%s is as it shipped", (file) => {
    const frozen = "a shipped migration is frozen: add a new one";
    expect(fs.existsSync(path.join(dir, file)), `${file} is gone: ${frozen}`).toBe(true);
    expect(sha256(file), `${file} was edited: ${frozen} (and put this file back as it was)`).toBe(SHIPPED[file]);
  });

  it("pins every migration file", () => {
    const unpinned = files.filter((f) => !(f in SHIPPED)).map((f) => `${f}: ${sha256(f)}`);
    expect(unpinned, "a new migration: add its file and SHA-256 to SHIPPED in migrations-frozen.test.ts").toEqual([]);
  });

  it("hold one migration per file, named after it, numbered 0001, 0002… in list order", async () => {
    expect(migrations.map((m) => `${m.name}.ts`)).toEqual(files);
    migrations.forEach((m, i) => {
      expect(m.name).toMatch(/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.name.slice(0, 4), m.name).toBe(String(i + 1).padStart(4, "0"));
    });
    for (const file of files) {
      const exported = Object.values(await import(pathToFileURL(path.join(dir, file)).href)).filter(isMigration);
      expect(
        exported.map((m) => m.name),
        file,
      ).toEqual([file.replace(/\.ts$/, "")]);
    }
  });

  it("rename every name applied before issue 11 onto the list, in order, and never reuse an old name", () => {
    const renamed = APPLIED_BEFORE_ISSUE_11.map((name) => renamedMigrations[name] ?? name);
    expect(renamed).toEqual(migrations.slice(0, APPLIED_BEFORE_ISSUE_11.length).map((m) => m.name));
    expect(Object.keys(renamedMigrations).every((old) => APPLIED_BEFORE_ISSUE_11.includes(old))).toBe(true);
    const names = new Set(migrations.map((m) => m.name));
    expect(Object.keys(renamedMigrations).filter((old) => names.has(old))).toEqual([]);
  });
});
