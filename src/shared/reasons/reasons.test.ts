import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ptBRReasons } from "./index.ts";

/**
 * The reasons come in one pt-BR file per area here and one English file per area in the web
 * (web/i18n/reasons/<area>.en.ts). Both sides merge their areas with a spread, which silently lets
 * a later area override a key an earlier one defined; and an English template that drops a
 * `{{param}}` loses what the server said. Read from the folders, so a new area is checked too.
 */
const sharedDir = import.meta.dirname;
const webDir = path.resolve(sharedDir, "../../web/i18n/reasons");
const NOT_AREAS = new Set(["index", "render"]);

const areaNames = fs
  .readdirSync(sharedDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.slice(0, -".ts".length))
  .filter((name) => !NOT_AREAS.has(name))
  .sort();

type Templates = Record<string, string>;

/** The one exported object of a reasons module whose values are all strings (its templates). */
function templatesOf(module: Record<string, unknown>, file: string): Templates {
  const found = Object.values(module).filter(
    (v): v is Templates => typeof v === "object" && v !== null && Object.values(v).every((t) => typeof t === "string"),
  );
  if (found.length !== 1) throw new Error(`${file}: expected one object of templates, found ${found.length}`);
  return found[0] as Templates;
}

const params = (template: string) => [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string);

const areas = await Promise.all(
  areaNames.map(async (name) => ({
    name,
    ptBR: templatesOf(await import(path.join(sharedDir, `${name}.ts`)), `${name}.ts`),
    en: templatesOf(await import(path.join(webDir, `${name}.en.ts`)), `${name}.en.ts`),
  })),
);

describe("reason templates", () => {
  it("are read from every area (platform, persons, work at least)", () => {
    expect(areaNames).toEqual(expect.arrayContaining(["persons", "platform", "work"]));
  });

  it("define each key in one area only, on both sides", () => {
    for (const side of ["ptBR", "en"] as const) {
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const area of areas) {
        for (const key of Object.keys(area[side])) {
          const first = owner.get(key);
          if (first) twice.push(`${key} (${first} and ${area.name})`);
          else owner.set(key, area.name);
        }
      }
      expect(twice, `${side}: keys defined in two areas`).toEqual([]);
    }
    // What the server renders from: nothing was lost to the spread.
    expect(Object.keys(ptBRReasons).length).toBe(areas.reduce((n, a) => n + Object.keys(a.ptBR).length, 0));
  });

  it("have an English twin with the same keys and every {{param}} of the pt-BR template", () => {
    for (const area of areas) {
      expect(Object.keys(area.en).sort(), `${area.name}.en.ts keys`).toEqual(Object.keys(area.ptBR).sort());
      const missing = Object.entries(area.ptBR).flatMap(([key, template]) => {
        const english = area.en[key];
        if (english === undefined) return [];
        const inEnglish = new Set(params(english));
        return params(template)
          .filter((p) => !inEnglish.has(p))
          .map((p) => `${area.name}.${key}: {{${p}}}`);
      });
      expect(missing, `${area.name}: params the English template drops`).toEqual([]);
    }
  });
});
