import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateUserBody, UpdateUserBody, UserRow } from "../../../../shared/users.schemas.ts";
import { api } from "../../../app/api.ts";
import { meQueryKey } from "../../../app/query-client.ts";

export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: () => api.get<{ items: UserRow[]; nextCursor: string | null }>("/api/users"),
});

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserRow>("/api/users", body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
        // Profiles count their users.
        queryClient.invalidateQueries({ queryKey: ["access-profiles"] }),
      ]),
  });
}

/** PATCH with the row's version; the list reloads afterwards, also after a 412. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) => api.patch<UserRow>(`/api/users/${id}`, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: ["access-profiles"] }),
        // The administrator may have edited their own name or linked person.
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api.post<null>(`/api/users/${id}/password`, { password }),
    // The reset bumps the user's version.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}
