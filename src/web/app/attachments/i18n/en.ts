import type { AttachmentsMessages } from "./pt-BR.ts";

/** English, fetched only for users who chose English. Typed by pt-BR.ts: a missing or extra key fails the type check. */
export const attachmentsEn: AttachmentsMessages = {
  attachments: {
    pickerLabel: "Files",
    dropHint: "Drag files here or paste an image (Ctrl+V), or",
    choose: "Choose files",
    limits: "Up to {{size}} per file.",
    uploading: "Uploading {{name}}",
    uploaded: "{{name}} uploaded",
    remove: "Remove {{name}}",
    tooLarge: "{{name}}: the file is larger than {{limit}}, the maximum size per file.",
    tooMany: "At most {{max}} files at once.",
    waitUploads: "Wait for the files to finish uploading.",
    failedUploads: "Remove the files that could not be uploaded.",
    pastedName: "pasted image {{at}}.png",
    listLabel: "Attached files",
    ticketFiles: "Files of the ticket",
    downloadPrefix: "Download",
    open: "Open {{name}}",
    addedBy: "{{name}}, {{date}}",
    documents: {
      title: "Documents",
      titleOf: "Documents — {{name}}",
      listLabel: "The person's documents",
      empty: "No documents.",
      attach: "Add to documents",
      attached_zero: "No documents added.",
      attached_one: "{{count}} document added.",
      attached_other: "{{count}} documents added.",
      removeShort: "Remove",
      removed: "{{name}} removed.",
      removeFailed: "Could not remove the document",
      unknownUser: "Imported",
    },
  },
};
