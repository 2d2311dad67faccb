import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AccessProfile, Grant } from "../../../../shared/access.schemas.ts";
import { api } from "../../../app/api.ts";

export const profilesQuery = queryOptions({
  queryKey: ["access-profiles"],
  queryFn: () => api.get<{ items: AccessProfile[] }>("/api/access-profiles"),
});

export type ProfileBody = { name: string; grants: Grant[] };

/** POST without an id, PATCH with one (the body then carries `version`). */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ProfileBody & { version?: number } }) =>
      id === null
        ? api.post<AccessProfile>("/api/access-profiles", body)
        : api.patch<AccessProfile>(`/api/access-profiles/${id}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey }),
  });
}

export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<null>(`/api/access-profiles/${id}`),
    // Users lose the profile too: their rows list profile names.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: ["users"] }),
      ]),
  });
}
