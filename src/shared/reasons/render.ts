import type { ReasonParams } from "../errors.ts";

/** Fills `{{name}}` placeholders (the i18next syntax, so the web's English templates read alike). */
export function renderTemplate(template: string, params: ReasonParams = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
