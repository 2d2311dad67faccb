import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../db/create-db.ts";
import { testDialect } from "../test/test-app.ts";
import { closeDatabases, expectOk, freshDatabase } from "./cli-harness.ts";

afterEach(closeDatabases);

describe("vinculo backup", { timeout: 180_000 }, () => {
  describe.runIf(testDialect() === "postgres")("backup on PostgreSQL", () => {
    it("points to pg_dump, exits 1 and writes nothing", async () => {
      const db = await freshDatabase();
      const target = path.join(db.dataDir, "copia.sql");
      const res = await db.cli(["backup", target]);
      expect(res.code, res.stderr).toBe(1);
      expect(res.stderr).toContain('pg_dump "$DATABASE_URL" >');
      expect(fs.existsSync(target)).toBe(false);
    });
  });

  describe.runIf(testDialect() === "sqlite")("backup on SQLite", () => {
    const usersIn = (file: string) => {
      const copy = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        return (copy.prepare("select username from users order by username").all() as { username: string }[]).map(
          (r) => r.username,
        );
      } finally {
        copy.close();
      }
    };

    it("writes a single self-contained file with the data, and never overwrites without --force", async () => {
      const db = await freshDatabase();
      await expectOk(db.cli(["user", "create", "ana"], { env: { VINCULO_USER_PASSWORD: "senha-da-ana-1" } }));
      const target = path.join(db.dataDir, "copia.sqlite");
      const res = await db.cli(["backup", target]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/Backup salvo em .*copia\.sqlite \(\d[\d,]* (KB|MB)/);
      expect(fs.existsSync(`${target}-wal`)).toBe(false);
      expect(usersIn(target)).toEqual(["ana"]);
      const copy = new SQLite(target, { readonly: true });
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      copy.close();

      fs.writeFileSync(target, "um arquivo que não é para perder");
      const refused = await db.cli(["backup", target]);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain("--force");
      expect(fs.readFileSync(target, "utf8")).toBe("um arquivo que não é para perder");

      const forced = await db.cli(["backup", target, "--force"]);
      expect(forced.code, forced.stderr).toBe(0);
      expect(usersIn(target)).toEqual(["ana"]);
      expect(fs.readdirSync(db.dataDir).filter((f) => f.includes(".tmp-"))).toEqual([]);

      const missing = await db.cli(["backup"]);
      expect(missing.code, missing.stderr).toBe(2);
      expect(missing.stderr).toContain("uso: vinculo backup <arquivo>");
    });

    it("is consistent while another connection keeps writing", async () => {
      const db = await freshDatabase();
      await expectOk(db.cli(["user", "create", "ana"], { env: { VINCULO_USER_PASSWORD: "senha-da-ana-1" } }));
      // A ledger whose rows always sum to zero: every transaction adds a +n and a −n row and
      // rewrites an old row's padding. A torn copy would break the sum or the page structure.
      const writer = openSqlite(path.join(db.dataDir, "vinculo.sqlite"));
      writer.exec("create table cli_ledger (id integer primary key, amount integer not null, pad blob not null)");
      const insert = writer.prepare("insert into cli_ledger (amount, pad) values (?, randomblob(700))");
      const touch = writer.prepare("update cli_ledger set pad = randomblob(700) where id = ?");
      const pair = writer.transaction((n: number) => {
        insert.run(n);
        insert.run(-n);
        touch.run(1 + (n % 1000));
      });
      writer.transaction(() => {
        for (let n = 1; n <= 6000; n += 1) {
          insert.run(n);
          insert.run(-n);
        }
      })();
      const before = (writer.prepare("select count(*) as n from cli_ledger").get() as { n: number }).n;

      let writes = 0;
      let running = true;
      const loop = () => {
        if (!running) return;
        pair(10_000 + writes);
        writes += 1;
        setImmediate(loop);
      };
      loop();
      const target = path.join(db.dataDir, "durante.sqlite");
      const res = await db.cli(["backup", target]);
      running = false;
      const after = (writer.prepare("select count(*) as n from cli_ledger").get() as { n: number }).n;
      writer.close();

      expect(res.code, res.stderr).toBe(0);
      expect(writes).toBeGreaterThan(10);
      const copy = new SQLite(target, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        const { n, total } = copy.prepare("select count(*) as n, sum(amount) as total from cli_ledger").get() as {
          n: number;
          total: number;
        };
        expect(total).toBe(0);
        expect(n % 2).toBe(0);
        expect(n).toBeGreaterThanOrEqual(before);
        expect(n).toBeLessThanOrEqual(after);
      } finally {
        copy.close();
      }
      expect(usersIn(target)).toEqual(["ana"]);
    });
  });
});
