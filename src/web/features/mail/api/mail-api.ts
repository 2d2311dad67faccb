import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CompanySettingsView,
  EmailRecipients,
  MailItem,
  MailStatus,
  SendEmailBody,
  SmtpSettingsView,
} from "../../../../shared/mail.schemas.ts";
import { api } from "../../../app/api.ts";
import { companySettingsQuery } from "../../../app/company-time-zone.ts";
import { personKey } from "../../../app/person-keys.ts";

type Page<T> = { items: T[]; nextCursor: string | null };
const PAGE_SIZE = 25;

export const personEmailsKey = (code: number) => [...personKey(code), "emails"] as const;
const outboxKey = ["outbox"] as const;

export const emailRecipientsQuery = (code: number) =>
  queryOptions({
    queryKey: [...personEmailsKey(code), "recipients"] as const,
    queryFn: () => api.get<EmailRecipients>(`/api/persons/${code}/email-recipients`),
  });

/** The person's e-mails, newest first, by keyset pages. */
export const personEmailsQuery = (code: number) =>
  infiniteQueryOptions({
    queryKey: [...personEmailsKey(code), "list"] as const,
    queryFn: ({ pageParam }) =>
      api.get<Page<MailItem>>(
        `/api/persons/${code}/emails?limit=${PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A queued message turns "sent" a moment later: look again while some are still queued.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((m) => m.status === "queued")) ? 3000 : false,
  });

export function useSendEmail(code: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendEmailBody) => api.post<MailItem>(`/api/persons/${code}/emails`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personEmailsKey(code) }),
  });
}

export const outboxQuery = (status: MailStatus | null) =>
  infiniteQueryOptions({
    queryKey: [...outboxKey, status] as const,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (status) search.set("status", status);
      if (pageParam) search.set("cursor", pageParam);
      return api.get<Page<MailItem>>(`/api/outbox?${search}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 5000,
  });

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<MailItem>(`/api/outbox/${id}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}

export const smtpSettingsQuery = queryOptions({
  queryKey: ["settings", "smtp"],
  queryFn: () => api.get<SmtpSettingsView>("/api/settings/smtp"),
});

export function useSaveCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api.patch<CompanySettingsView>("/api/settings/company", body),
    onSuccess: (data) => queryClient.setQueryData(companySettingsQuery.queryKey, data),
    onError: () => queryClient.invalidateQueries({ queryKey: companySettingsQuery.queryKey }),
  });
}

export function useSaveSmtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api.patch<SmtpSettingsView>("/api/settings/smtp", body),
    onSuccess: (data) => queryClient.setQueryData(smtpSettingsQuery.queryKey, data),
    onError: () => queryClient.invalidateQueries({ queryKey: smtpSettingsQuery.queryKey }),
  });
}

export function useSmtpTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: number; to: string }>("/api/settings/smtp/test"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}
