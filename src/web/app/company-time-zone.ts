import { queryOptions } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { CompanySettingsView } from "../../shared/mail.schemas.ts";
import { DEFAULT_TIME_ZONE } from "../../shared/time-zone.ts";
import { api } from "./api.ts";

/**
 * The company's time zone (Configurações › Empresa), which every date and time on screen is read
 * in, the same as the server's. The logged-in layout loads it with /api/me and keeps it here:
 * formatters called outside React (notifications, labels) read `companyTimeZone()`, components
 * `useCompanyTimeZone()`. The layout remounts the page when it changes, so nothing keeps an old one.
 */
let current = DEFAULT_TIME_ZONE;

export const companyTimeZone = (): string => current;

/** Called by the layout with what the server says (before its children render). */
export function setCompanyTimeZone(timeZone: string): void {
  current = timeZone;
}

export const CompanyTimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export const useCompanyTimeZone = (): string => useContext(CompanyTimeZoneContext);

/** Every logged-in user may read it (GET /api/settings/company); Configurações › Empresa edits it. */
export const companySettingsQuery = queryOptions({
  queryKey: ["settings", "company"],
  queryFn: () => api.get<CompanySettingsView>("/api/settings/company"),
});
