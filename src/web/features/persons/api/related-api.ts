import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RelatedPerson } from "../../../../shared/persons.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey, withCategory } from "../../../app/person-keys.ts";

const relatedKey = (code: number) => [...personKey(code), "related"] as const;

export const relatedQuery = (code: number, categoryId: number, q: string) =>
  queryOptions({
    queryKey: [...relatedKey(code), categoryId, q] as const,
    queryFn: () =>
      api.get<{ items: RelatedPerson[]; nextCursor: null }>(
        withCategory(`/api/persons/${code}/related?${new URLSearchParams({ q })}`, categoryId),
      ),
    placeholderData: keepPreviousData,
  });

export function useLinkPerson(code: number, categoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { relatedCode: number; typeId: number }) =>
      api.post<RelatedPerson>(withCategory(`/api/persons/${code}/related`, categoryId), body),
    // The other person's list shows the link too.
    onSuccess: (_link, body) => queryClient.invalidateQueries({ queryKey: relatedKey(body.relatedCode) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: relatedKey(code) }),
  });
}

export function useUnlinkPerson(code: number, categoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: RelatedPerson) =>
      api.delete<null>(withCategory(`/api/persons/${code}/related/${link.id}`, categoryId)),
    onSuccess: (_none, link) => queryClient.invalidateQueries({ queryKey: relatedKey(link.person.code) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: relatedKey(code) }),
  });
}
