import { afterEach, describe, expect, it } from "vitest";
import { listUsers } from "../features/users/users.service.ts";
import { closeDatabases, expectOk, freshDatabase, login } from "./cli-harness.ts";

afterEach(closeDatabases);

describe("vinculo (command line)", { timeout: 180_000 }, () => {
  it("--help and no arguments print the commands and the environment; an unknown command exits 2", async () => {
    const db = await freshDatabase();
    const help = await db.cli(["--help"]);
    expect(help.code, help.stderr).toBe(0);
    for (const word of ["start", "migrate", "user create", "token create", "backup"])
      expect(help.stdout).toContain(word);
    for (const name of [
      "PORT",
      "HOST",
      "DATABASE_URL",
      "VINCULO_DATA_DIR",
      "VINCULO_ADMIN_PASSWORD",
      "VINCULO_DEMO",
      "VINCULO_PUBLIC_URL",
      "VINCULO_USER_PASSWORD",
    ])
      expect(help.stdout).toContain(name);
    expect((await expectOk(db.cli([]))).stdout).toBe(help.stdout);

    const unknown = await db.cli(["frobnicate"]);
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("comando desconhecido: frobnicate");
    expect(unknown.stderr).toContain("Uso: vinculo");
  });

  it("migrate says which migrations ran, then that none is pending", async () => {
    const db = await freshDatabase();
    const first = await db.cli(["migrate"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Migração aplicada: 0001-platform");
    const second = await db.cli(["migrate"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe("Nenhuma migração pendente.");
  });

  it("user create --admin with VINCULO_USER_PASSWORD makes an administrator who can log in", async () => {
    const db = await freshDatabase();
    const res = await db.cli(["user", "create", "Ana", "--admin"], {
      env: { VINCULO_USER_PASSWORD: "senha-da-ana-1" },
    });
    expect(res.stderr).not.toContain("vinculo:");
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Usuário "ana" criado');

    const { app, close } = await db.openApp();
    try {
      const ok = await login(app, "ana", "senha-da-ana-1");
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user).toMatchObject({ username: "ana", name: "ana", email: "ana@localhost", isAdmin: true });
      expect((await login(app, "ana", "outra-senha")).statusCode).toBe(401);
    } finally {
      await close();
    }
  });

  it("user create reads the password from the first line of stdin when it is not a terminal", async () => {
    const db = await freshDatabase();
    const res = await db.cli(["user", "create", "bia", "--name", "Bia Souza", "--email", "bia@empresa.com.br"], {
      input: "senha com espaços\nsegunda linha ignorada\n",
    });
    expect(res.code, res.stderr).toBe(0);
    const { app, close } = await db.openApp();
    try {
      const ok = await login(app, "bia", "senha com espaços");
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user).toMatchObject({ name: "Bia Souza", email: "bia@empresa.com.br", isAdmin: false });
    } finally {
      await close();
    }
  });

  it("user create refuses bad input with exit 2 naming the field, and creates nothing", async () => {
    const db = await freshDatabase();
    const env = { VINCULO_USER_PASSWORD: "senha-valida-1" };

    const badName = await db.cli(["user", "create", "A b!"], { env });
    expect(badName.code, badName.stderr).toBe(2);
    expect(badName.stderr).toContain('usuário "A b!": use apenas letras');

    const badEmail = await db.cli(["user", "create", "caio", "--email", "caio@"], { env });
    expect(badEmail.code, badEmail.stderr).toBe(2);
    expect(badEmail.stderr).toContain("e-mail (--email)");

    const shortPassword = await db.cli(["user", "create", "caio"], { env: { VINCULO_USER_PASSWORD: "curta" } });
    expect(shortPassword.code, shortPassword.stderr).toBe(2);
    expect(shortPassword.stderr).toContain("senha: a senha deve ter pelo menos 8 caracteres");

    const noPassword = await db.cli(["user", "create", "caio"]);
    expect(noPassword.code, noPassword.stderr).toBe(2);
    expect(noPassword.stderr).toContain("nenhuma senha");

    const unknownOption = await db.cli(["user", "create", "caio", "--root"], { env });
    expect(unknownOption.code, unknownOption.stderr).toBe(2);
    expect(unknownOption.stderr).toContain("opção desconhecida: --root");

    const { ctx, close } = await db.openApp();
    try {
      expect(await listUsers(ctx)).toEqual([]);
    } finally {
      await close();
    }

    await expectOk(db.cli(["user", "create", "caio"], { env }));
    const again = await db.cli(["user", "create", "CAIO"], { env });
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toContain('o usuário "caio" já existe');
  });

  it("token create prints only the token on stdout, and it authenticates as that user", async () => {
    const db = await freshDatabase();
    await expectOk(db.cli(["user", "create", "ana"], { env: { VINCULO_USER_PASSWORD: "senha-da-ana-1" } }));
    const res = await db.cli(["token", "create", "--user", "ana", "--name", "integração ERP"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^vnc_[A-Za-z0-9_-]{20,}\n$/);
    expect(res.stderr).toContain("não será mostrado de novo");
    const token = res.stdout.trim();

    const { app, close } = await db.openApp();
    try {
      const me = await app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe("ana");
      const forged = await app.inject({
        method: "GET",
        url: "/api/me",
        headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
      });
      expect(forged.statusCode).toBe(401);
    } finally {
      await close();
    }

    const unknown = await db.cli(["token", "create", "--user", "ninguem"]);
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain('"ninguem" não encontrado');
    const missing = await db.cli(["token", "create"]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain("--user");
  });
});
