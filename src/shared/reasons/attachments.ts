import { renderTemplate } from "./render.ts";

/**
 * Reasons of attachments (issue 15: uploads, downloads, Documentos, files of pareceres, tickets,
 * appointments and e-mail), in pt-BR (see platform.ts); web/i18n/reasons/attachments.en.ts has the
 * same keys in English. Sizes arrive in the params already written out ("25 MB"), so both
 * languages show the figure the server measured.
 *
 * Reasons of other areas are reused rather than repeated: cannot_change_person (persons: a
 * person's Documentos follow the header's rule), ticket_closed_for_changes and
 * appointment_deleted (work).
 */
export const attachmentsReasons = {
  attachment_not_found: "Arquivo não encontrado.",
  bad_attachment_key: "chave de arquivo inválida",
  too_many_attachments: "no máximo {{max}} arquivos de uma vez",
  repeated_attachment: "o mesmo arquivo aparece mais de uma vez",
  no_upload: "informe ao menos um arquivo enviado",
  draft_not_found: "arquivo enviado não encontrado: já anexado, removido ou expirado; envie-o de novo",
  // ——— the upload ———
  upload_multipart_only: "Tipo de conteúdo não suportado: envie os arquivos como multipart/form-data.",
  malformed_upload: "Envio malformado ou interrompido: envie os arquivos de novo.",
  no_file: "Nenhum arquivo no envio: inclua ao menos um.",
  empty_file: "{{name}}: o arquivo está vazio.",
  file_too_large: "{{name}}: o arquivo passa de {{limit}}, o tamanho máximo por arquivo.",
  upload_too_large: "O envio passa do limite: até {{files}} arquivos de no máximo {{limit}} cada.",
  too_many_files: "No máximo {{max}} arquivos por envio.",
  file_type_refused: "{{name}}: tipo de arquivo não permitido ({{type}}). São aceitos: {{kinds}}.",
  file_type_mismatch: "{{name}}: o conteúdo é {{type}}, não corresponde à extensão .{{ext}}.",
  upload_quota:
    "Seus arquivos enviados e ainda não anexados chegariam a {{used}}; o limite é {{limit}}. Anexe ou remova algum antes de enviar mais.",
  // ——— what a file hangs from ———
  note_attachment_permanent: "Os arquivos de um parecer fazem parte dele e não podem ser removidos.",
  mail_attachment_permanent: "Os anexos de um e-mail ficam com a mensagem e não podem ser removidos.",
  mail_attachments_too_large: "Os anexos somam {{size}}; um e-mail leva no máximo {{limit}}.",
  thumbnail_unavailable: "Não há miniatura para este arquivo.",
} as const;

export type AttachmentsReason = keyof typeof attachmentsReasons;

/**
 * The custom-issue options of a zod refinement that refuses for one of these reasons: the pt-BR
 * message (with its params filled in), and the reason in `params`, which the error plugin sends
 * as the field's reason.
 */
export const attachmentsRefinement = (reason: AttachmentsReason, values?: Record<string, string | number>) => ({
  message: renderTemplate(attachmentsReasons[reason], values),
  params: { reason },
});
