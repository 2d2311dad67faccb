import type { ImportsMessages } from "./pt-BR.ts";

/** English, fetched only for users who chose English. Typed by pt-BR.ts: a missing or extra key fails the type check. */
export const importsEn: ImportsMessages = {
  imports: {
    title: "Imports",
    intro:
      "Bring receivables, current-account entries, contracts, contract billings and persons from the ERP. Each line of the file is one record with its externalId: importing the same file again changes nothing, and a rejected line does not stop the others.",
    entity: "What to import",
    entities: {
      receivables: "Receivables",
      "commission-entries": "Current-account entries",
      contracts: "Contracts",
      "contract-billings": "Contract billings",
      persons: "Persons",
    },
    file: "File",
    filePlaceholder: "Choose a .csv or .ndjson file",
    fileHint:
      "JSON lines (.ndjson, .jsonl): one JSON object per line. CSV: the first line names the fields; comma or semicolon.",
    encoding: "CSV encoding",
    encodings: {
      "utf-8": "UTF-8",
      "windows-1252": "Latin-1 (Excel on Windows)",
    },
    fields: "Fields",
    submit: "Import",
    running: "Importing…",
    result: "Result of {{file}}",
    records: "Lines read",
    inserted: "Inserted",
    updated: "Updated",
    unchanged: "Unchanged",
    rejectedCount: "Rejected",
    nothingChanged: "Nothing changed: everything in the file was already the same in Vínculo.",
    allGood: "Import finished with no rejected lines.",
    rejectedTitle: "Rejected lines",
    rejectedTruncated: "Showing the first {{shown}} of {{total}} rejected lines.",
    line: "Line",
    field: "Field",
    error: "Error",
    failedTitle: "The file was not imported to the end",
    history: "Previous imports",
    historyEmpty: "No imports yet.",
    when: "When",
    what: "What",
    who: "Who",
    status: "Status",
    statuses: {
      running: "Running",
      done: "Done",
      failed: "Stopped",
    },
    viaCli: "command line",
  },
};
