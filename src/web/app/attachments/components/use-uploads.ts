import { useQuery } from "@tanstack/react-query";
import { type ClipboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_ATTACH_PER_REQUEST } from "../../../../shared/attachments.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage, useServerText } from "../../../app/error-message.ts";
import { discardDraft, uploadFile, uploadLimitsQuery } from "../api/attachments-api.ts";
import { formatFileSize } from "./file-size.ts";

/** One file of the form: on its way, sent (a draft with its key) or refused (why). */
export type UploadItem = {
  localId: number;
  name: string;
  size: number;
  progress: number;
  status: "uploading" | "done" | "error";
  key?: string;
  error?: string;
};

export type Uploads = {
  items: UploadItem[];
  /** Keys of the sent drafts, for the body that attaches them. */
  keys: string[];
  uploading: boolean;
  failed: boolean;
  accept: string | undefined;
  maxFileBytes: number | undefined;
  add: (files: Iterable<File>) => void;
  remove: (localId: number) => void;
  /** Put on the form around the text: a pasted screenshot becomes a file. */
  onPaste: (event: ClipboardEvent) => void;
  /** Saved with them: the drafts are attached now, not to be discarded when the form closes. */
  markSubmitted: () => void;
  /** Empties the list after a save, for the next files. */
  clear: () => void;
};

let nextLocalId = 1;

/**
 * The files a form sends with what it saves (a parecer, an e-mail…): each uploaded as soon as it is
 * picked, dropped or pasted, with its progress, so saving only names the keys. A file over the size
 * limit is refused here, before a byte leaves; anything else the server decides (type, quota).
 */
export function useUploads(): Uploads {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const serverText = useServerText();
  // The server says why a file was refused (its type, its size, the quota), naming the file.
  const refusal = (error: unknown) =>
    isApiError(error) && error.reason ? serverText.server(error) : errorMessage(error);
  const limits = useQuery(uploadLimitsQuery());
  const [items, setItems] = useState<UploadItem[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const controllers = useRef(new Map<number, AbortController>());
  const submitted = useRef(false);

  const patch = useCallback(
    (localId: number, change: Partial<UploadItem>) =>
      setItems((all) => all.map((item) => (item.localId === localId ? { ...item, ...change } : item))),
    [],
  );

  const add = (files: Iterable<File>) => {
    const incoming = [...files];
    const room = MAX_ATTACH_PER_REQUEST - itemsRef.current.length;
    const accepted = incoming.slice(0, Math.max(0, room));
    const fresh: UploadItem[] = accepted.map((file) => ({
      localId: nextLocalId++,
      name: file.name,
      size: file.size,
      progress: 0,
      status: "uploading",
    }));
    const max = limits.data?.maxFileBytes;
    for (const item of fresh) {
      if (max !== undefined && item.size > max) {
        item.status = "error";
        item.error = t("attachments.tooLarge", { name: item.name, limit: formatFileSize(max) });
      }
    }
    if (incoming.length > accepted.length) {
      fresh.push({
        localId: nextLocalId++,
        name: incoming[accepted.length]?.name ?? "",
        size: 0,
        progress: 0,
        status: "error",
        error: t("attachments.tooMany", { max: MAX_ATTACH_PER_REQUEST }),
      });
    }
    setItems((all) => [...all, ...fresh]);
    accepted.forEach((file, i) => {
      const item = fresh[i];
      if (!item || item.status === "error") return;
      const controller = new AbortController();
      controllers.current.set(item.localId, controller);
      uploadFile(file, (progress) => patch(item.localId, { progress }), controller.signal)
        .then((saved) => patch(item.localId, { status: "done", progress: 1, key: saved.id }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) patch(item.localId, { status: "error", error: refusal(error) });
        })
        .finally(() => controllers.current.delete(item.localId));
    });
  };

  const remove = (localId: number) => {
    const item = itemsRef.current.find((i) => i.localId === localId);
    controllers.current.get(localId)?.abort();
    if (item?.key) void discardDraft(item.key);
    setItems((all) => all.filter((i) => i.localId !== localId));
  };

  const onPaste = (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    const at = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    // A screenshot arrives as "image.png" every time: named by when it was pasted instead.
    add(
      files.map((f) =>
        f.name === "image.png" ? new File([f], t("attachments.pastedName", { at }), { type: f.type }) : f,
      ),
    );
  };

  // Closed without saving: the drafts it sent are removed now rather than by the daily sweep.
  useEffect(
    () => () => {
      for (const c of controllers.current.values()) c.abort();
      if (!submitted.current) for (const item of itemsRef.current) if (item.key) void discardDraft(item.key);
    },
    [],
  );

  const keys = items.flatMap((i) => (i.status === "done" && i.key ? [i.key] : []));
  return {
    items,
    keys,
    uploading: items.some((i) => i.status === "uploading"),
    failed: items.some((i) => i.status === "error"),
    accept: limits.data?.accept,
    maxFileBytes: limits.data?.maxFileBytes,
    add,
    remove,
    onPaste,
    markSubmitted: () => {
      submitted.current = true;
    },
    clear: () => {
      // Attached files are no longer drafts: the list starts again, still not discarded on close.
      setItems([]);
      itemsRef.current = [];
      submitted.current = false;
    },
  };
}
