import { afterEach, describe, expect, it } from "vitest";
import { hashPassword, setPasswordCostForTests, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  afterEach(() => setPasswordCostForTests(10));

  it("uses scrypt N=2^17, r=8, p=1 in production, with the parameters in the stored hash", async () => {
    setPasswordCostForTests(17);
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts every hash, so equal passwords give different hashes", async () => {
    const a = await hashPassword("mesma-senha");
    const b = await hashPassword("mesma-senha");
    expect(a).not.toBe(b);
    expect(await verifyPassword("mesma-senha", a)).toBe(true);
    expect(await verifyPassword("mesma-senha", b)).toBe(true);
  });

  it("verifies old hashes by the cost stored in them after the default changes", async () => {
    const cheap = await hashPassword("senha-antiga");
    setPasswordCostForTests(12);
    expect(await verifyPassword("senha-antiga", cheap)).toBe(true);
    expect((await hashPassword("senha-nova")).startsWith("scrypt$12$")).toBe(true);
  });

  it("rejects a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$10$abc")).toBe(false);
  });
});
