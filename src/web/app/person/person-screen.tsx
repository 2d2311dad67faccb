import { Stack } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import type { Tab } from "../../../shared/access.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { PersonMailSlot } from "../../features/mail/components/person-mail-slot.tsx";
import { personTabsQuery } from "../../features/persons/api/persons-api.ts";
import { PersonHeader } from "../../features/persons/components/person-header.tsx";
import { WatchControlsSlot } from "../../features/watchers/components/watch-controls-slot.tsx";
import { PersonDocumentsSlot } from "../attachments/components/person-documents-slot.tsx";
import { tabFromSlug, tabSlug } from "../paths.ts";
import { PageLoader } from "../ui/page-loader.tsx";
import { QueryError } from "../ui/query-error.tsx";
import { CategoryPicker } from "./category-picker.tsx";
import { PersonTabs } from "./person-tabs.tsx";

/**
 * One person, everything about them. The category (?categoria=) and the tab (?aba=) live in the
 * URL, so a screen can be linked; switching either replaces the history entry. This shell lives in
 * app/ because it composes every feature (the header's slots, the tabs): features never import
 * each other.
 */
export function PersonScreen({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("categoria"));
  const askedCategory = person.categories.some((c) => c.id === asked) ? asked : null;
  const tabs = useQuery(personTabsQuery(person.code, askedCategory));
  const categoryId = askedCategory ?? tabs.data?.categoryId ?? null;

  // The default answer is also the answer for its category: switching back to it costs no request.
  useEffect(() => {
    if (askedCategory === null && tabs.data) {
      queryClient.setQueryData(personTabsQuery(person.code, tabs.data.categoryId).queryKey, tabs.data);
    }
  }, [askedCategory, tabs.data, person.code, queryClient]);

  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const granted = tabs.data?.tabs ?? [];
  const askedTab = tabFromSlug(params.get("aba"));
  const active = granted.find((g) => g.tab === askedTab) ?? granted[0] ?? null;

  return (
    <Stack gap="md">
      <PersonHeader
        person={person}
        // Critical-factors badge and Spy System eye, then E-mails / Enviar e-mail and Documentos: each loads its own chunk.
        status={<WatchControlsSlot code={person.code} name={person.name} />}
        commands={
          <>
            <PersonMailSlot person={person} />
            <PersonDocumentsSlot person={person} />
          </>
        }
      />
      {categoryId !== null && (
        <CategoryPicker
          categories={person.categories}
          value={categoryId}
          onChange={(id) => setParam("categoria", String(id))}
        />
      )}
      {tabs.isPending && <PageLoader />}
      {tabs.isError && <QueryError error={tabs.error} onRetry={() => void tabs.refetch()} />}
      {tabs.data && categoryId !== null && (
        <PersonTabs
          person={person}
          categoryId={categoryId}
          categoryName={person.categories.find((c) => c.id === categoryId)?.name ?? ""}
          granted={granted}
          active={active}
          onTabChange={(tab: Tab) => setParam("aba", tabSlug(tab))}
        />
      )}
    </Stack>
  );
}
