import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { LoginBody, MeResponse, UserSummary } from "../../shared/auth.schemas.ts";
import { ApiError, api } from "./api.ts";
import { companySettingsQuery } from "./company-time-zone.ts";
import { meQueryKey } from "./query-client.ts";
import { clearSessionCaches } from "./service-worker.ts";

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: () => api.get<MeResponse>("/api/me"),
  staleTime: 60_000,
});

export const useMeQuery = () => useQuery(meQuery);

/** Filled by the protected layout once /api/me answered, so pages below it always have a user. */
export const MeContext = createContext<MeResponse | null>(null);

export function useMe(): MeResponse {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() outside the logged-in layout");
  return me;
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<{ user: UserSummary }>("/api/auth/login", body),
    // Load the full /api/me (person, grants) and the company's time zone before leaving the login
    // page, so the app opens ready.
    onSuccess: () =>
      Promise.all([
        queryClient.fetchQuery({ ...meQuery, staleTime: 0 }),
        queryClient.prefetchQuery({ ...companySettingsQuery, staleTime: 0 }),
      ]),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<null>("/api/auth/logout");
      } catch (error) {
        // Already logged out (session expired): that is what we wanted.
        if (!isUnauthorized(error)) throw error;
      }
    },
    // Nothing of the previous user may stay in memory, nor in the browser's caches, for the next one.
    onSuccess: async () => {
      queryClient.clear();
      await clearSessionCaches().catch(() => undefined);
    },
  });
}

/** Only same-app paths, so a crafted ?next= can not send the user to another site. */
export function safeNext(next: string | null): string {
  if (next === null) return "/";
  // "//host" and "/\\host" are protocol-relative URLs to another site.
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next === "/login" || next.startsWith("/login?")) return "/";
  return next;
}
