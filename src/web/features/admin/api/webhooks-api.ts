import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreatedWebhook,
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDeliveries,
  WebhookDelivery,
  WebhookDeliveryStatus,
} from "../../../../shared/webhooks.schemas.ts";
import { api } from "../../../app/api.ts";

const WEBHOOKS_KEY = ["webhooks"] as const;
const DELIVERIES_PAGE = 25;

/** The list carries each receiver's health (pending, failed, last error): looked at again while some wait. */
export const webhooksQuery = queryOptions({
  queryKey: WEBHOOKS_KEY,
  queryFn: () => api.get<{ items: Webhook[] }>("/api/webhooks"),
  refetchInterval: (query) => (query.state.data?.items.some((w) => w.active && w.pending > 0) ? 5000 : false),
});

export const deliveriesQuery = (webhookId: number, status: WebhookDeliveryStatus | null) =>
  infiniteQueryOptions({
    queryKey: [...WEBHOOKS_KEY, webhookId, "deliveries", status ?? "all"] as const,
    queryFn: ({ pageParam }) =>
      api.get<WebhookDeliveries>(
        `/api/webhooks/${webhookId}/deliveries?limit=${DELIVERIES_PAGE}${status ? `&status=${status}` : ""}${
          pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""
        }`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A delivery waiting for its turn or a retry turns delivered (or failed) a moment later.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((d) => d.status === "pending")) ? 3000 : false,
  });

function useWebhookMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: CreateWebhookBody) => api.post<CreatedWebhook>("/api/webhooks", body));

export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: number; body: UpdateWebhookBody }) =>
    api.patch<Webhook>(`/api/webhooks/${id}`, body),
  );

export const useRotateWebhookSecret = () =>
  useWebhookMutation((id: number) => api.post<CreatedWebhook>(`/api/webhooks/${id}/secret`));

export const useDeleteWebhook = () => useWebhookMutation((id: number) => api.delete<void>(`/api/webhooks/${id}`));

export const useRetryDelivery = () =>
  useWebhookMutation(({ webhookId, deliveryId }: { webhookId: number; deliveryId: number }) =>
    api.post<WebhookDelivery>(`/api/webhooks/${webhookId}/deliveries/${deliveryId}/retry`),
  );
