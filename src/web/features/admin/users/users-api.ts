import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateUserBody, UserRow } from "../../../../shared/users.schemas.ts";
import { api } from "../../../app/api.ts";

export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: () => api.get<{ items: UserRow[]; nextCursor: string | null }>("/api/users"),
});

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserRow>("/api/users", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}
