import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api.ts";

export const meQueryKey = ["me"] as const;

/** Retry only what may pass on a second try: no answer, or a 5xx. A 4xx will say the same again. */
const retryable = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status >= 500;

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, revoked, logged out in another tab):
  // re-check /api/me, whose 401 sends the app to the login page.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "unauthorized") {
      void client.invalidateQueries({ queryKey: meQueryKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== meQueryKey[0]) onError(error);
      },
    }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && retryable(error) },
      mutations: { retry: false },
    },
  });
  return client;
}
