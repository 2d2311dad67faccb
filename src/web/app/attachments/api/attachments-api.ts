import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Attachment, UploadLimits } from "../../../../shared/attachments.schemas.ts";
import { ApiError, api, apiErrorOf } from "../../../app/api.ts";

type Page<T> = { items: T[]; nextCursor: string | null };

/** What a file hangs from, as the API's list routes name it. */
export type FileOwner =
  | { kind: "ticket"; id: number }
  | { kind: "appointment"; id: number }
  | { kind: "person"; code: number };

const ownerPath = (owner: FileOwner) =>
  owner.kind === "person" ? `/api/persons/${owner.code}/attachments` : `/api/${owner.kind}s/${owner.id}/attachments`;

/** Under the owner's own key, so whatever refreshes the ticket (a live event, a save) refreshes its files. */
export const filesKey = (owner: FileOwner) =>
  owner.kind === "person"
    ? (["persons", owner.code, "attachments"] as const)
    : ([`${owner.kind}s`, owner.id, "attachments"] as const);

export const filesQuery = (owner: FileOwner) =>
  queryOptions({
    queryKey: filesKey(owner),
    queryFn: () => api.get<Page<Attachment>>(`${ownerPath(owner)}?limit=100`),
    staleTime: 0,
  });

export const uploadLimitsQuery = () =>
  queryOptions({
    queryKey: ["uploads", "limits"] as const,
    queryFn: () => api.get<UploadLimits>("/api/uploads/limits"),
    staleTime: 60_000,
  });

export const contentUrl = (file: Pick<Attachment, "id">, inline = false) =>
  `/api/attachments/${file.id}/content${inline ? "?disposition=inline" : ""}`;
export const thumbnailUrl = (file: Pick<Attachment, "id">) => `/api/attachments/${file.id}/thumbnail`;

/**
 * Sends one file as a draft of the user (POST /api/uploads), telling how far it got: fetch has no
 * upload progress, XMLHttpRequest does. Errors are the API's, as every other call's.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status === 201) {
        const item = (data as { items?: Attachment[] } | null)?.items?.[0];
        if (item) return resolve(item);
      }
      reject(
        apiErrorOf(xhr.status, data) ??
          new ApiError(xhr.status, xhr.status >= 500 ? "unavailable" : "unknown", xhr.statusText),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "network error"));
    xhr.onabort = () => reject(new ApiError(0, "network", "aborted"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** Attaches uploaded drafts to a ticket, an appointment or a person's Documentos. */
export function useAttachFiles(owner: FileOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uploads: string[]) => api.post<{ items: Attachment[] }>(ownerPath(owner), { uploads }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filesKey(owner) }),
  });
}

export function useDeleteFile(owner: FileOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Attachment) => api.delete<null>(`/api/attachments/${file.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filesKey(owner) }),
  });
}

/** Removes a draft the user uploaded and then took off the form (nothing else references it). */
export const discardDraft = (key: string) => api.delete<null>(`/api/attachments/${key}`).catch(() => undefined);
