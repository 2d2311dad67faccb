/**
 * The strings of attachments (the picker, the file lists), in Brazilian Portuguese. They come with the
 * chunks that show files (./index.ts registers them); en.ts has the same keys (checked by its type).
 */
export const attachmentsPtBR = {
  attachments: {
    pickerLabel: "Arquivos",
    dropHint: "Arraste arquivos para cá ou cole uma imagem (Ctrl+V), ou",
    choose: "Escolher arquivos",
    limits: "Até {{size}} por arquivo.",
    uploading: "Enviando {{name}}",
    uploaded: "{{name}} enviado",
    remove: "Remover {{name}}",
    tooLarge: "{{name}}: o arquivo passa de {{limit}}, o tamanho máximo por arquivo.",
    tooMany: "No máximo {{max}} arquivos de uma vez.",
    waitUploads: "Aguarde o envio dos arquivos.",
    failedUploads: "Remova os arquivos que não foram enviados.",
    pastedName: "imagem colada {{at}}.png",
    listLabel: "Arquivos anexados",
    ticketFiles: "Arquivos do atendimento",
    downloadPrefix: "Baixar",
    open: "Abrir {{name}}",
    addedBy: "{{name}}, {{date}}",
    documents: {
      title: "Documentos",
      titleOf: "Documentos — {{name}}",
      listLabel: "Documentos da pessoa",
      empty: "Nenhum documento.",
      attach: "Anexar aos documentos",
      attached_zero: "Nenhum documento anexado.",
      attached_one: "{{count}} documento anexado.",
      attached_other: "{{count}} documentos anexados.",
      removeShort: "Remover",
      removed: "{{name}} removido.",
      removeFailed: "Não foi possível remover o documento",
      unknownUser: "Importado",
    },
  },
};

export type AttachmentsMessages = typeof attachmentsPtBR;
