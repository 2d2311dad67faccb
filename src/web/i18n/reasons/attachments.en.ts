import type { attachmentsReasons } from "../../../shared/reasons/attachments.ts";

/** English for the attachments' reasons (same keys and `{{params}}` as shared/reasons/attachments.ts). */
export const attachmentsReasonsEn = {
  attachment_not_found: "File not found.",
  bad_attachment_key: "invalid file key",
  too_many_attachments: "at most {{max}} files at once",
  repeated_attachment: "the same file appears more than once",
  no_upload: "name at least one uploaded file",
  draft_not_found: "uploaded file not found: already attached, removed or expired; upload it again",
  // ——— the upload ———
  upload_multipart_only: "Unsupported content type: send the files as multipart/form-data.",
  malformed_upload: "Malformed or interrupted upload: send the files again.",
  no_file: "No file in the upload: include at least one.",
  empty_file: "{{name}}: the file is empty.",
  file_too_large: "{{name}}: the file is larger than {{limit}}, the maximum size per file.",
  upload_too_large: "The upload is over the limit: up to {{files}} files of at most {{limit}} each.",
  too_many_files: "At most {{max}} files per upload.",
  file_type_refused: "{{name}}: file type not allowed ({{type}}). Allowed: {{kinds}}.",
  file_type_mismatch: "{{name}}: the content is {{type}}, which does not match the extension .{{ext}}.",
  upload_quota:
    "Your uploaded files not yet attached would reach {{used}}; the limit is {{limit}}. Attach or remove some before uploading more.",
  // ——— what a file hangs from ———
  note_attachment_permanent: "The files of a note are part of it and cannot be removed.",
  mail_attachment_permanent: "An e-mail's attachments stay with the message and cannot be removed.",
  mail_attachments_too_large: "The attachments add up to {{size}}; an e-mail takes at most {{limit}}.",
  thumbnail_unavailable: "There is no thumbnail for this file.",
} satisfies Record<keyof typeof attachmentsReasons, string>;
