import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { attachmentsEn } from "../app/attachments/i18n/en.ts";
import { attachmentsPtBR } from "../app/attachments/i18n/pt-BR.ts";
import { dateFieldEn } from "../app/ui/date-field/i18n/en.ts";
import { dateFieldPtBR } from "../app/ui/date-field/i18n/pt-BR.ts";
import { adminEn } from "../features/admin/i18n/en.ts";
import { adminPtBR } from "../features/admin/i18n/pt-BR.ts";
import { appointmentsEn } from "../features/appointments/i18n/en.ts";
import { appointmentsPtBR } from "../features/appointments/i18n/pt-BR.ts";
import { financeEn } from "../features/finance/i18n/en.ts";
import { financePtBR } from "../features/finance/i18n/pt-BR.ts";
import { importsEn } from "../features/imports/i18n/en.ts";
import { importsPtBR } from "../features/imports/i18n/pt-BR.ts";
import { mailEn } from "../features/mail/i18n/en.ts";
import { mailPtBR } from "../features/mail/i18n/pt-BR.ts";
import { personsEn } from "../features/persons/i18n/en.ts";
import { personsPtBR } from "../features/persons/i18n/pt-BR.ts";
import { ticketsEn } from "../features/tickets/i18n/en.ts";
import { ticketsPtBR } from "../features/tickets/i18n/pt-BR.ts";
import { watchersEn } from "../features/watchers/i18n/en.ts";
import { watchersPtBR } from "../features/watchers/i18n/pt-BR.ts";
import { en } from "./en.ts";
import { ptBR } from "./pt-BR.ts";

const BUNDLES = {
  "pt-BR": [
    ptBR,
    adminPtBR,
    appointmentsPtBR,
    financePtBR,
    importsPtBR,
    mailPtBR,
    personsPtBR,
    ticketsPtBR,
    watchersPtBR,
    attachmentsPtBR,
    dateFieldPtBR,
  ],
  en: [
    en,
    adminEn,
    appointmentsEn,
    financeEn,
    importsEn,
    mailEn,
    personsEn,
    ticketsEn,
    watchersEn,
    attachmentsEn,
    dateFieldEn,
  ],
};

/** Every string of a bundle by its dotted key. */
function flatten(bundle: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const strings = (language: keyof typeof BUNDLES) =>
  new Map(BUNDLES[language].flatMap((bundle) => [...flatten(bundle)]));

// Counts in these read the same for any number (an abbreviation, "min", "em atenção", "monitorando").
const INVARIANT = new Set([
  "finance.currentAccount.closingOption",
  "critical.attentionCount",
  "watch.eyeLabel",
  "appointments.form.endHint",
  "appointments.settings.minutes",
  "appointments.agenda.more",
]);
// Shown only for a count of 1 or more (a wait in minutes, overlaps found, "e mais N…").
const NEVER_ZERO = new Set(["errors.waitMinutes", "appointments.overlap.intro", "tickets.my.more"]);

describe("plural forms", () => {
  for (const language of ["pt-BR", "en"] as const) {
    it(`${language}: a string with {{count}} has the zero, one and other forms (i18next's plural keys)`, () => {
      const all = strings(language);
      const missing: string[] = [];
      for (const [key, text] of all) {
        if (!text.includes("{{count}}") && !/_(zero|one|other)$/.test(key)) continue;
        const base = key.replace(/_(zero|one|other)$/, "");
        if (INVARIANT.has(base)) continue;
        const forms = NEVER_ZERO.has(base) ? ["one", "other"] : ["zero", "one", "other"];
        for (const form of forms) if (!all.has(`${base}_${form}`)) missing.push(`${base}_${form}`);
      }
      expect([...new Set(missing)]).toEqual([]);
      // The exceptions are real keys, so a rename can not turn them into silent passes.
      const bases = new Set([...all.keys()].map((k) => k.replace(/_(zero|one|other)$/, "")));
      expect([...INVARIANT, ...NEVER_ZERO].filter((k) => !bases.has(k))).toEqual([]);
    });
  }

  it("Brazilian Portuguese counts 0 as singular (Intl): the zero form is what keeps “0 cobrança” off the screen", async () => {
    expect(new Intl.PluralRules("pt-BR").select(0)).toBe("one");
    const i18n = createInstance();
    await i18n.init({ lng: "pt-BR", resources: { "pt-BR": { translation: financePtBR } }, initAsync: false });
    expect(i18n.t("finance.contracts.count", { count: 0 })).toBe("Nenhuma cobrança");
    expect(i18n.t("finance.contracts.count", { count: 1 })).toBe("1 cobrança");
    expect(i18n.t("finance.contracts.count", { count: 2 })).toBe("2 cobranças");
  });
});
