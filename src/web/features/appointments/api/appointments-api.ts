import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  AgendaResponse,
  Appointment,
  AppointmentStatus,
  AppointmentType,
  AppointmentWithOverlaps,
  CreateAppointmentBody,
  DeleteAppointmentBody,
  LockAppointmentBody,
  MarkDoneBody,
  UpdateAppointmentBody,
} from "../../../../shared/appointments.schemas.ts";
import type { Address } from "../../../../shared/persons.schemas.ts";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { api, request } from "../../../app/api.ts";
import { personKey, withCategory } from "../../../app/person-keys.ts";

type Page<T> = { items: T[]; nextCursor: string | null };
type UserRef = { id: number; name: string };

const PAGE_SIZE = 25;

/** Everything of the feature hangs under "appointments": one invalidation refreshes the agenda and every detail. */
const appointmentsRoot = ["appointments"] as const;
export const appointmentKey = (id: number) => [...appointmentsRoot, id] as const;
const personAppointmentsKey = (code: number) => [...personKey(code), "appointments"] as const;

const params = (entries: Record<string, string | number | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entries))
    if (value !== undefined && value !== "" && value !== false) search.set(key, String(value));
  return search.toString();
};

export type AppointmentListFilter = { status: AppointmentStatus; includePast: boolean; includeDeleted: boolean };

/** The person's tab: open or done, past and deleted ones only when asked; "Carregar mais" by keyset pages. */
export const personAppointmentsQuery = (code: number, categoryId: number, filter: AppointmentListFilter) =>
  infiniteQueryOptions({
    queryKey: [...personAppointmentsKey(code), categoryId, filter] as const,
    queryFn: ({ pageParam }) =>
      api.get<Page<Appointment>>(
        `/api/persons/${code}/appointments?${params({
          status: filter.status,
          includePast: filter.includePast,
          includeDeleted: filter.includeDeleted,
          category: categoryId,
          limit: PAGE_SIZE,
          cursor: pageParam ?? undefined,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const appointmentQuery = (id: number) =>
  queryOptions({ queryKey: appointmentKey(id), queryFn: () => api.get<Appointment>(`/api/appointments/${id}`) });

export type AgendaFilter = { from: string; to: string; mine: boolean; assignedUserId: number | null };

/** The agenda's window: mine, one user's, or everyone's that I may see (done ones too, never deleted). */
export const agendaQuery = (filter: AgendaFilter) =>
  queryOptions({
    queryKey: [...appointmentsRoot, "agenda", filter] as const,
    queryFn: () =>
      api.get<AgendaResponse>(
        `/api/appointments?${params({
          from: filter.from,
          to: filter.to,
          mine: filter.mine || undefined,
          assignedUserId: filter.mine ? undefined : (filter.assignedUserId ?? undefined),
        })}`,
      ),
  });

/** Active users who may be responsible for appointments (the form's select, the agenda's filter). */
export const assigneesQuery = queryOptions({
  queryKey: [...appointmentsRoot, "assignees"] as const,
  queryFn: () => api.get<{ items: UserRef[] }>("/api/appointments/assignees"),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Every logged-in user reads the types (the form); administrators edit them in the settings. */
export const appointmentTypesQuery = queryOptions({
  queryKey: ["settings", "appointment-types"] as const,
  queryFn: () => api.get<{ items: AppointmentType[] }>("/api/settings/appointment-types"),
  staleTime: 5 * 60_000,
});

/** `?category=` when the screen has one; without it the server takes a category that grants the tab. */
const inCategory = (path: string, categoryId: number | null) =>
  categoryId === null ? path : withCategory(path, categoryId);

/**
 * The person's addresses, for the form's "Local". Under the addresses key, so an address change
 * refreshes it. Without the Endereços grant the call fails and the form offers only "Remoto".
 */
export const addressOptionsQuery = (code: number, categoryId: number | null) =>
  queryOptions({
    queryKey: [...personKey(code), "addresses", categoryId ?? "any"] as const,
    queryFn: () => api.get<{ items: Address[] }>(inCategory(`/api/persons/${code}/addresses`, categoryId)),
    retry: false,
  });

/**
 * The person's open tickets (Atendimentos and Produção) for the form's "Atendimento vinculado",
 * under the tickets key. An area without its grant answers 403 and is simply left out.
 */
export const ticketOptionsQuery = (code: number, categoryId: number | null) =>
  queryOptions({
    queryKey: [...personKey(code), "tickets", "open-options", categoryId ?? "any"] as const,
    queryFn: async () => {
      const area = (name: "service" | "production") =>
        api
          .get<Page<TicketSummary>>(
            inCategory(`/api/persons/${code}/tickets?area=${name}&status=open&limit=100`, categoryId),
          )
          .then((page) => page.items)
          .catch(() => [] as TicketSummary[]);
      const [service, production] = await Promise.all([area("service"), area("production")]);
      return [...service, ...production];
    },
  });

/** After any change: the agenda, the details and the person's lists (any filter) are refetched. */
export function refreshAppointments(queryClient: QueryClient, code: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: appointmentsRoot }),
    queryClient.invalidateQueries({ queryKey: personAppointmentsKey(code) }),
  ]);
}

type Ref = Pick<Appointment, "id" | "person">;

/** Also after a refusal (409/412/423): what the server refused on is what the user must see next. */
function useAppointmentMutation<V extends { appointment: Ref }, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_result, _error, variables) => refreshAppointments(queryClient, variables.appointment.person.code),
  });
}

export function useCreateAppointment(code: number, categoryId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppointmentBody) =>
      api.post<AppointmentWithOverlaps>(inCategory(`/api/persons/${code}/appointments`, categoryId), body),
    onSuccess: () => refreshAppointments(queryClient, code),
  });
}

export const useUpdateAppointment = () =>
  useAppointmentMutation(({ appointment, body }: { appointment: Ref; body: UpdateAppointmentBody }) =>
    api.patch<AppointmentWithOverlaps>(`/api/appointments/${appointment.id}`, body),
  );

export const useDeleteAppointment = () =>
  useAppointmentMutation(({ appointment, body }: { appointment: Ref; body: DeleteAppointmentBody }) =>
    // The reason travels in the DELETE's body.
    request<Appointment | null>("DELETE", `/api/appointments/${appointment.id}`, body),
  );

export const useMarkDone = () =>
  useAppointmentMutation(({ appointment, body }: { appointment: Ref; body: MarkDoneBody }) =>
    api.post<Appointment>(`/api/appointments/${appointment.id}/done`, body),
  );

export const useLockAppointment = () =>
  useAppointmentMutation(({ appointment, body }: { appointment: Ref; body: LockAppointmentBody }) =>
    api.post<Appointment>(`/api/appointments/${appointment.id}/lock`, body),
  );

export const useUnlockAppointment = () =>
  useAppointmentMutation(({ appointment }: { appointment: Ref }) =>
    request<Appointment | null>("DELETE", `/api/appointments/${appointment.id}/lock`),
  );
