import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const errorOf = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("configuration from the environment", () => {
  it("has working defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      adminPassword: undefined,
      demo: false,
      publicUrl: undefined,
      trustProxy: false,
      logLevel: "info",
    });
    expect(c.dataDir).toBe(path.resolve("./data"));
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });

  it("reads every variable", () => {
    const c = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://crm@db:5432/vinculo",
      VINCULO_DATA_DIR: "/srv/vinculo",
      VINCULO_ADMIN_PASSWORD: "uma-senha-longa",
      VINCULO_DEMO: "1",
      VINCULO_PUBLIC_URL: "https://crm.example.com.br/",
      VINCULO_TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
    });
    expect(c).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgresql://crm@db:5432/vinculo",
      dataDir: "/srv/vinculo",
      adminPassword: "uma-senha-longa",
      demo: true,
      publicUrl: "https://crm.example.com.br",
      trustProxy: true,
      logLevel: "warn",
    });
  });

  it("treats empty variables as unset", () => {
    const c = loadConfig({ DATABASE_URL: "", VINCULO_ADMIN_PASSWORD: "", VINCULO_DEMO: "", VINCULO_PUBLIC_URL: "" });
    expect(c).toMatchObject({ databaseUrl: undefined, adminPassword: undefined, demo: false, publicUrl: undefined });
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ VINCULO_ADMIN_PASSWORD: "curta" }, "VINCULO_ADMIN_PASSWORD"],
    [{ VINCULO_PUBLIC_URL: "crm.example.com.br" }, "VINCULO_PUBLIC_URL"],
    [{ VINCULO_DEMO: "talvez" }, "VINCULO_DEMO"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ VINCULO_WORKERS: "0" }, "VINCULO_WORKERS"],
    [{ VINCULO_WORKERS: "dois" }, "VINCULO_WORKERS"],
    [{ VINCULO_WORKERS: "1.5" }, "VINCULO_WORKERS"],
    [{ VINCULO_MAX_UPLOAD_MB: "0" }, "VINCULO_MAX_UPLOAD_MB"],
    [{ VINCULO_MAX_UPLOAD_MB: "2,5" }, "VINCULO_MAX_UPLOAD_MB"],
    [{ VINCULO_MAX_UPLOAD_MB: "5000" }, "VINCULO_MAX_UPLOAD_MB"],
    [{ VINCULO_UPLOAD_TYPES: "image,exe" }, "VINCULO_UPLOAD_TYPES"],
    [{ VINCULO_UPLOAD_TYPES: " , " }, "VINCULO_UPLOAD_TYPES"],
  ])("refuses %o naming %s", (env, name) => {
    const error = errorOf(env);
    expect(error.message).toContain(name);
  });

  it("runs one server process per core unless VINCULO_WORKERS says how many (1: no cluster)", () => {
    expect(loadConfig({}).workers).toBe(os.availableParallelism());
    expect(loadConfig({ VINCULO_WORKERS: "" }).workers).toBe(os.availableParallelism());
    expect(loadConfig({ VINCULO_WORKERS: "1" }).workers).toBe(1);
    expect(loadConfig({ VINCULO_WORKERS: "4" }).workers).toBe(4);
  });

  it("takes 25 MB files of the usual kinds, bytes in the database, unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({
      maxUploadBytes: 25 * 1024 * 1024,
      filesDir: undefined,
      uploadKinds: ["image", "pdf", "xml", "office", "text", "zip"],
    });
    expect(loadConfig({ VINCULO_MAX_UPLOAD_MB: "", VINCULO_FILES_DIR: "", VINCULO_UPLOAD_TYPES: "" })).toMatchObject({
      maxUploadBytes: 25 * 1024 * 1024,
      filesDir: undefined,
    });
    const c = loadConfig({
      VINCULO_MAX_UPLOAD_MB: "100",
      VINCULO_FILES_DIR: "/srv/vinculo/arquivos",
      VINCULO_UPLOAD_TYPES: "PDF, image,svg,pdf",
    });
    expect(c).toMatchObject({
      maxUploadBytes: 100 * 1024 * 1024,
      filesDir: "/srv/vinculo/arquivos",
      uploadKinds: ["pdf", "image", "svg"],
    });
  });

  it("names every bad variable at once", () => {
    const error = errorOf({ PORT: "abc", DATABASE_URL: "mysql://x" });
    expect(error.message).toContain("PORT");
    expect(error.message).toContain("DATABASE_URL");
  });
});
