import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { AttachmentsMessages } from "../app/attachments/i18n/pt-BR.ts";
// Type only (no bytes): each feature's strings come with its lazy chunks (features/<f>/i18n/index.ts).
import type { DateFieldMessages } from "../app/ui/date-field/i18n/pt-BR.ts";
import type { AdminMessages } from "../features/admin/i18n/pt-BR.ts";
import type { AppointmentsMessages } from "../features/appointments/i18n/pt-BR.ts";
import type { CurrentAccountGateMessages } from "../features/finance/i18n/gate/pt-BR.ts";
import type { FinanceMessages } from "../features/finance/i18n/pt-BR.ts";
import type { ImportsMessages } from "../features/imports/i18n/pt-BR.ts";
import type { MailMessages } from "../features/mail/i18n/pt-BR.ts";
import type { PersonsMessages } from "../features/persons/i18n/pt-BR.ts";
import type { TicketsMessages } from "../features/tickets/i18n/pt-BR.ts";
import type { WatchersMessages } from "../features/watchers/i18n/pt-BR.ts";
import { type Messages, ptBR } from "./pt-BR.ts";

export const LANGUAGES = [
  { code: "pt-BR", label: "Português" },
  { code: "en", label: "English" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

const STORAGE_KEY = "vinculo.language";
const DEFAULT_LANGUAGE: Language = "pt-BR";

declare module "i18next" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: Messages &
        AdminMessages &
        PersonsMessages &
        TicketsMessages &
        AppointmentsMessages &
        FinanceMessages &
        CurrentAccountGateMessages &
        MailMessages &
        ImportsMessages &
        WatchersMessages &
        AttachmentsMessages &
        DateFieldMessages;
      /** The server's reasons in English (reasons/en.ts), by reason code; pt-BR shows the server's own sentence. */
      reasons: Record<string, string>;
    };
  }
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode, policies): fall back to the default.
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  // No document in the unit tests (node), which load feature modules and their strings too.
  if (typeof document !== "undefined") document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}

// Read before init: initialising in Portuguese fires languageChanged, which stores "pt-BR".
const initialLanguage = storedLanguage();
i18n.on("languageChanged", applyLanguage);

// Portuguese is bundled, so initialisation is synchronous and a pt-BR first render is already
// translated. English (the frame's strings, the server's reasons and zod's English messages)
// comes in chunks of its own, fetched before the first render only for those who chose it (see
// `languageReady`); each feature's English follows the same rule (`addStrings`).
void i18n.use(initReactI18next).init({
  resources: { "pt-BR": { translation: ptBR } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
  // A feature's English arriving after its screen rendered re-renders it (see addStrings).
  react: { bindI18nStore: "added" },
});

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

/** What zod says of an issue, in English: zod's own English locale, loaded with the English strings. */
export type ZodErrorMap = (issue: Record<string, unknown>) => string | { message: string } | undefined | null;
let zodEnglish: ZodErrorMap | null = null;

/** zod's English error map once English is in (null while the interface is Portuguese). */
export const englishZodErrors = (): ZodErrorMap | null => (currentLanguage() === "en" ? zodEnglish : null);

type EnglishLoader = () => Promise<object>;
/** Each feature's English, by its Portuguese bundle: asked for when the user chooses English. */
const englishOf = new Map<object, EnglishLoader>();
const loadedEnglish = new Set<object>();
const pending = new Set<Promise<void>>();
let englishWanted = initialLanguage === "en";

function loadFeatureEnglish(ptBundle: object, load: EnglishLoader): Promise<void> {
  if (loadedEnglish.has(ptBundle)) return Promise.resolve();
  const loading = load()
    .then((bundle) => {
      i18n.addResourceBundle("en", "translation", bundle, true, false);
      loadedEnglish.add(ptBundle);
    })
    // The chunk failed to load (offline, a deploy in between): the Portuguese strings still work.
    .catch(() => undefined)
    .finally(() => pending.delete(loading));
  pending.add(loading);
  return loading;
}

/**
 * A feature's strings: Portuguese at once (they travel in the feature's chunk), English fetched
 * only for those who chose English. Deep merge, never overwrite: harmless when called twice.
 */
export function addStrings(ptBundle: object, english: EnglishLoader): void {
  if (englishOf.has(ptBundle)) return;
  i18n.addResourceBundle("pt-BR", "translation", ptBundle, true, false);
  englishOf.set(ptBundle, english);
  if (englishWanted) void loadFeatureEnglish(ptBundle, english);
}

/** Resolves once the English strings asked for so far are in: lazy screens wait for it (app/lazy.ts). */
export async function stringsReady(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

let englishLoaded = false;
/** The frame's English, the server's reasons and zod's English messages, once. */
async function loadEnglish(): Promise<void> {
  if (englishLoaded) return;
  const [{ en, reasonsEn }, zodEn] = await Promise.all([import("./en.ts"), import("zod/v4/locales/en.js")]);
  i18n.addResourceBundle("en", "translation", en, true, false);
  i18n.addResourceBundle("en", "reasons", reasonsEn, true, false);
  zodEnglish = zodEn.default().localeError as ZodErrorMap;
  englishLoaded = true;
}

export async function setLanguage(language: Language): Promise<void> {
  if (language === "en") {
    englishWanted = true;
    await Promise.all([loadEnglish(), ...[...englishOf].map(([pt, load]) => loadFeatureEnglish(pt, load))]);
  }
  await i18n.changeLanguage(language);
}

/** Resolves once the stored language's strings are in: main.tsx renders after it. */
export const languageReady: Promise<void> = (async () => {
  if (initialLanguage === DEFAULT_LANGUAGE) return;
  try {
    await setLanguage(initialLanguage);
  } catch {
    // The English chunk failed to load (offline, a deploy in between): Portuguese still works.
    englishWanted = false;
    applyLanguage(DEFAULT_LANGUAGE);
  }
})();

export { i18n };
