import type { Attachment, AttachmentTarget, FileKind } from "../../../shared/attachments.schemas.ts";
import { INLINE_TYPES, THUMBNAIL_TYPES } from "./attachments.detect.ts";
import { safeName } from "./attachments.names.ts";
import type { AttachmentRow } from "./attachments.repository.ts";

/** A stored attachment as the API shows it; `canDelete` is what this user may do with it. */
export function toAttachment(row: AttachmentRow, canDelete: boolean): Attachment {
  return {
    id: row.key,
    name: row.name,
    safeName: safeName(row.name),
    size: Number(row.size),
    type: row.mime,
    kind: row.kind as FileKind,
    target: row.target as AttachmentTarget,
    noteId: row.note_id,
    createdAt: row.created_at,
    createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? "" },
    thumbnail: THUMBNAIL_TYPES.has(row.mime),
    inline: INLINE_TYPES.has(row.mime),
    canDelete,
  };
}
