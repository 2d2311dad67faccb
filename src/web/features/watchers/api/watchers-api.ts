import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CompanyCriticalFactors,
  CriticalFactorSettings,
  PersonCriticalFactors,
  UpdateCriticalFactorSettingsBody,
} from "../../../../shared/critical-factors.schemas.ts";
import type { PersonWatchers, WatchDelivery, WatchPreferences } from "../../../../shared/watchers.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey } from "../../../app/person-keys.ts";

/**
 * Under the person's tickets key on purpose: every ticket change refreshes ["persons", code,
 * "tickets"] (tickets-api.ts refreshTicket), and the badge with it.
 */
export const personCriticalKey = (code: number) => [...personKey(code), "tickets", "critical-factors"] as const;
export const personWatchersKey = (code: number) => [...personKey(code), "watchers"] as const;
export const companyCriticalKey = ["critical-factors"] as const;
export const criticalSettingsKey = ["settings", "critical-factors"] as const;
export const watchPreferencesKey = ["me", "watch-preferences"] as const;

export const personCriticalQuery = (code: number) =>
  queryOptions({
    queryKey: personCriticalKey(code),
    queryFn: () => api.get<PersonCriticalFactors>(`/api/persons/${code}/critical-factors`),
  });

export const personWatchersQuery = (code: number) =>
  queryOptions({
    queryKey: personWatchersKey(code),
    queryFn: () => api.get<PersonWatchers>(`/api/persons/${code}/watchers`),
  });

export type CompanyFilter = { sectorId: number | null; responsibleUserId: number | null };

export const companyCriticalQuery = (filter: CompanyFilter) =>
  infiniteQueryOptions({
    queryKey: [...companyCriticalKey, filter.sectorId, filter.responsibleUserId] as const,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: "50" });
      if (filter.sectorId !== null) search.set("sectorId", String(filter.sectorId));
      if (filter.responsibleUserId !== null) search.set("responsibleUserId", String(filter.responsibleUserId));
      if (pageParam) search.set("cursor", pageParam);
      return api.get<CompanyCriticalFactors>(`/api/critical-factors?${search}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const criticalSettingsQuery = () =>
  queryOptions({
    queryKey: criticalSettingsKey,
    queryFn: () => api.get<CriticalFactorSettings>("/api/settings/critical-factors"),
  });

export const watchPreferencesQuery = () =>
  queryOptions({
    queryKey: watchPreferencesKey,
    queryFn: () => api.get<WatchPreferences>("/api/me/watch-preferences"),
  });

/** Monitorar / Deixar de monitorar: the answer is the new list of watchers. */
export function useToggleWatch(code: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (watch: boolean) =>
      watch
        ? api.put<PersonWatchers>(`/api/persons/${code}/watchers/me`)
        : api.delete<PersonWatchers>(`/api/persons/${code}/watchers/me`),
    onSuccess: (list) => queryClient.setQueryData(personWatchersKey(code), list),
  });
}

export function useSaveCriticalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCriticalFactorSettingsBody) =>
      api.patch<CriticalFactorSettings>("/api/settings/critical-factors", body),
    onSuccess: (settings) => {
      queryClient.setQueryData(criticalSettingsKey, settings);
      // Every badge and the company page follow the new rule.
      void queryClient.invalidateQueries({ queryKey: companyCriticalKey });
      void queryClient.invalidateQueries({ queryKey: ["persons"] });
    },
  });
}

export function useSaveWatchPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delivery: WatchDelivery) => api.put<WatchPreferences>("/api/me/watch-preferences", { delivery }),
    onSuccess: (prefs) => queryClient.setQueryData(watchPreferencesKey, prefs),
  });
}
