import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { PersonSearchHit } from "../../shared/persons.schemas.ts";
import { api } from "./api.ts";

export type PersonSearchPage = { items: PersonSearchHit[]; nextCursor: string | null };

/**
 * The quick search (header, command palette, person pickers). Light on purpose: it is part of
 * the first load, so it imports types only from the shared schemas, never zod itself.
 */
export const personSearchQuery = (q: string, limit = 10) =>
  queryOptions({
    queryKey: ["persons", "search", q, limit],
    queryFn: () => api.get<PersonSearchPage>(`/api/persons?${new URLSearchParams({ q, limit: String(limit) })}`),
    enabled: q.trim() !== "",
    staleTime: 15_000,
    // Keep the previous results on screen while the next keystroke's answer arrives.
    placeholderData: keepPreviousData,
  });
