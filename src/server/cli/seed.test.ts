import { afterEach, describe, expect, it } from "vitest";
import { closeDatabases, freshDatabase } from "./cli-harness.ts";

afterEach(closeDatabases);

describe("vinculo seed", { timeout: 180_000 }, () => {
  it("adds generated persons and tickets with notes, and refuses bad options changing nothing", async () => {
    const db = await freshDatabase();
    const none = await db.cli(["seed"]);
    expect(none.code, none.stderr).toBe(2);
    const bad = await db.cli(["seed", "--scale", "-5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--scale");
    const noPersons = await db.cli(["seed", "--tickets", "10"]);
    expect(noPersons.code).toBe(2);

    const run = await db.cli(["seed", "--scale", "300", "--tickets", "600"]);
    expect(run.code, run.stderr).toBe(0);
    const { ctx, close } = await db.openApp();
    try {
      const count = async (table: "persons" | "tickets" | "ticket_notes") =>
        Number(
          (
            await ctx.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count("persons")).toBe(300);
      expect(await count("tickets")).toBe(600);
      expect(await count("ticket_notes")).toBeGreaterThanOrEqual(1200);
      const demo = await db.cli(["seed", "--demo"]);
      expect(demo.code).toBe(1);
      expect(demo.stderr).toContain("banco vazio");
    } finally {
      await close();
    }
  });
});
