import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { TicketSettingsMessages } from "../features/admin/settings/ticket-settings-i18n.ts";
// Type only (no bytes): the tickets strings are added by their lazy chunks (features/tickets/register-i18n.ts).
import type { TicketsMessages } from "../features/tickets/i18n.ts";
import { en } from "./en.ts";
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
    resources: { translation: Messages & TicketsMessages & TicketSettingsMessages };
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

i18n.on("languageChanged", applyLanguage);

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18n.use(initReactI18next).init({
  resources: { "pt-BR": { translation: ptBR }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

export const setLanguage = (language: Language) => i18n.changeLanguage(language);

export { i18n };
