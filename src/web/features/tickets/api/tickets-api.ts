import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  CreateTicketBody,
  Ticket,
  TicketArea,
  TicketNote,
  TicketStatus,
  TicketSummary,
  UpdateTicketBody,
} from "../../../../shared/tickets.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey, withCategory } from "../../../app/person-keys.ts";

type Page<T> = { items: T[]; nextCursor: string | null };

const PAGE_SIZE = 25;

export const personTicketsKey = (code: number) => [...personKey(code), "tickets"] as const;
export const ticketKey = (id: number) => ["tickets", id] as const;
export const myTicketsKey = ["my-tickets"] as const;

export type TicketListFilter = { area: TicketArea; status: TicketStatus; q: string };

const params = (entries: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entries))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
};

/** One area's tickets of a person, newest first, by keyset pages ("Carregar mais"). */
export const personTicketsQuery = (code: number, categoryId: number, filter: TicketListFilter) =>
  infiniteQueryOptions({
    queryKey: [...personTicketsKey(code), filter.area, categoryId, filter.status, filter.q] as const,
    queryFn: ({ pageParam }) =>
      api.get<Page<TicketSummary>>(
        `/api/persons/${code}/tickets?${params({
          area: filter.area,
          status: filter.status,
          q: filter.q,
          category: categoryId,
          limit: PAGE_SIZE,
          cursor: pageParam ?? undefined,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const ticketQuery = (id: number) =>
  queryOptions({ queryKey: ticketKey(id), queryFn: () => api.get<Ticket>(`/api/tickets/${id}`) });

/** The history, oldest first; long histories come by pages too. */
export const ticketNotesQuery = (id: number) =>
  infiniteQueryOptions({
    queryKey: [...ticketKey(id), "notes"] as const,
    queryFn: ({ pageParam }) =>
      api.get<Page<TicketNote>>(`/api/tickets/${id}/notes?${params({ limit: 100, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });

export const myTicketsQuery = () =>
  infiniteQueryOptions({
    queryKey: myTicketsKey,
    queryFn: ({ pageParam }) =>
      api.get<Page<TicketSummary>>(`/api/my-tickets?${params({ limit: 50, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** After any change: the ticket, its history, the person's lists and "Meus atendimentos" are refetched. */
export function refreshTicket(queryClient: QueryClient, ticket: { id: number; person: { code: number } }) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) }),
    queryClient.invalidateQueries({ queryKey: personTicketsKey(ticket.person.code) }),
    queryClient.invalidateQueries({ queryKey: myTicketsKey }),
  ]);
}

type Ref = { id: number; person: { code: number } };

function useTicketMutation<V, R>(fn: (variables: V) => Promise<R>, ticketOf: (variables: V) => Ref) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_result, variables) => refreshTicket(queryClient, ticketOf(variables)),
  });
}

export function useCreateTicket(code: number, categoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketBody) =>
      api.post<Ticket>(withCategory(`/api/persons/${code}/tickets`, categoryId), body),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(ticket.id), ticket);
      return refreshTicket(queryClient, ticket);
    },
  });
}

export const useUpdateTicket = () =>
  useTicketMutation(
    ({ ticket, body }: { ticket: Ref; body: UpdateTicketBody }) => api.patch<Ticket>(`/api/tickets/${ticket.id}`, body),
    ({ ticket }) => ticket,
  );

export const useAddNote = () =>
  useTicketMutation(
    ({
      ticket,
      body,
    }: {
      ticket: Ref;
      body: { text: string; close: boolean; version: number; attachments?: string[] };
    }) => api.post<{ note: TicketNote; ticket: Ticket }>(`/api/tickets/${ticket.id}/notes`, body),
    ({ ticket }) => ticket,
  );

export const useReopenTicket = () =>
  useTicketMutation(
    ({ ticket, body }: { ticket: Ref; body: { text: string; version: number } }) =>
      api.post<{ note: TicketNote; ticket: Ticket }>(`/api/tickets/${ticket.id}/reopen`, body),
    ({ ticket }) => ticket,
  );

export const useDuplicateTicket = () =>
  useTicketMutation(
    (ticket: Ref) => api.post<Ticket>(`/api/tickets/${ticket.id}/duplicate`),
    (ticket) => ticket,
  );
