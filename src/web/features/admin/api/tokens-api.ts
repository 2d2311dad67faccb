import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiToken } from "../../../../shared/auth.schemas.ts";
import { api } from "../../../app/api.ts";

export type CreatedToken = ApiToken & { token: string };

export const tokensQuery = queryOptions({
  queryKey: ["tokens"],
  queryFn: () => api.get<{ items: ApiToken[] }>("/api/tokens"),
});

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: number; name: string }) => api.post<CreatedToken>("/api/tokens", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<ApiToken>(`/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
}
