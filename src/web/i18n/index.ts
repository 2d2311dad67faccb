import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { TicketSettingsMessages } from "../features/admin/settings/ticket-settings-i18n.ts";
// Type only: the Agendamentos strings come with its lazy chunks (features/appointments/register-i18n.ts).
import type { AppointmentsMessages } from "../features/appointments/i18n.ts";
// Type only: A receber, Conta corrente and Contratos bring their strings (features/finance/register-i18n.ts,
// current-account-gate.tsx for the person screen).
import type { CurrentAccountGateMessages } from "../features/finance/current-account-gate.tsx";
import type { FinanceMessages } from "../features/finance/i18n.ts";
// Type only: Importações brings its strings (features/imports/register-i18n.ts).
import type { ImportsMessages } from "../features/imports/i18n.ts";
// Type only: e-mail strings come with its lazy chunks (features/mail/register-i18n.ts).
import type { MailMessages } from "../features/mail/i18n.ts";
// Type only (no bytes): the tickets strings are added by their lazy chunks (features/tickets/register-i18n.ts).
import type { TicketsMessages } from "../features/tickets/i18n.ts";
// Type only: critical factors and Spy System strings come with their lazy chunks (features/watchers/register-i18n.ts).
import type { WatchersMessages } from "../features/watchers/i18n.ts";
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
        TicketsMessages &
        TicketSettingsMessages &
        AppointmentsMessages &
        FinanceMessages &
        CurrentAccountGateMessages &
        MailMessages &
        ImportsMessages &
        WatchersMessages;
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
  document.documentElement.lang = language;
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
// translated. English (~5 KiB gzipped) comes in its own chunk, fetched before the first render
// only for those who chose it (see `languageReady`).
void i18n.use(initReactI18next).init({
  resources: { "pt-BR": { translation: ptBR } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

/** Loads a language's strings once; lazy features add theirs with a deep merge, so the order never matters. */
let englishLoaded = false;
async function loadLanguage(language: Language): Promise<void> {
  // A flag, not hasResourceBundle: a lazy feature may already have added its own English strings.
  if (language !== "en" || englishLoaded) return;
  const { en } = await import("./en.ts");
  i18n.addResourceBundle("en", "translation", en, true, false);
  englishLoaded = true;
}

export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** Resolves once the stored language's strings are in: main.tsx renders after it. */
export const languageReady: Promise<void> = (async () => {
  if (initialLanguage === DEFAULT_LANGUAGE) return;
  try {
    await setLanguage(initialLanguage);
  } catch {
    // The English chunk failed to load (offline, a deploy in between): Portuguese still works.
    applyLanguage(DEFAULT_LANGUAGE);
  }
})();

export { i18n };
