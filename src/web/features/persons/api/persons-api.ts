import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Level, Tab } from "../../../../shared/access.schemas.ts";
import type { CreatePersonBody, Person, UpdatePersonBody } from "../../../../shared/persons.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey } from "../../../app/person-keys.ts";

export type PersonTabs = { categoryId: number; tabs: { tab: Tab; level: Level }[] };

export const personQuery = (code: number) =>
  queryOptions({
    queryKey: personKey(code),
    queryFn: () => api.get<Person>(`/api/persons/${code}`),
  });

/** Without a category the server picks the first one this user has grants for, and says which. */
export const personTabsQuery = (code: number, categoryId: number | null) =>
  queryOptions({
    queryKey: [...personKey(code), "tabs", categoryId ?? "default"] as const,
    queryFn: () =>
      api.get<PersonTabs>(`/api/persons/${code}/tabs${categoryId === null ? "" : `?category=${categoryId}`}`),
  });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => api.post<Person>("/api/persons", body),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(person.code), person);
      void queryClient.invalidateQueries({ queryKey: ["persons", "search"] });
    },
  });
}

export function useUpdatePerson(code: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePersonBody) => api.patch<Person>(`/api/persons/${code}`, body),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(code), person);
      // Categories may have changed: the picker and the tabs follow.
      void queryClient.invalidateQueries({ queryKey: [...personKey(code), "tabs"] });
      void queryClient.invalidateQueries({ queryKey: ["persons", "search"] });
    },
  });
}
