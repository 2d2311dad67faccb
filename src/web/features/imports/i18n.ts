/**
 * Strings of Administração → Importações. They travel with the lazy page (register-i18n.ts adds
 * them), not in the first load; `importsEn` has the same keys (checked by its type).
 */
export const importsPtBR = {
  imports: {
    title: "Importações",
    intro:
      "Traga do ERP títulos a receber, lançamentos da conta corrente, contratos, cobranças de contratos e pessoas. Cada linha do arquivo é um registro com o seu externalId: importar o mesmo arquivo de novo não muda nada, e uma linha recusada não impede as outras.",
    entity: "O que importar",
    entities: {
      receivables: "Títulos a receber",
      "commission-entries": "Lançamentos da conta corrente",
      contracts: "Contratos",
      "contract-billings": "Cobranças de contratos",
      persons: "Pessoas",
    },
    file: "Arquivo",
    filePlaceholder: "Escolha um arquivo .csv ou .ndjson",
    fileHint:
      "JSON lines (.ndjson, .jsonl): um objeto JSON por linha. CSV: a primeira linha nomeia os campos; vírgula ou ponto e vírgula.",
    encoding: "Codificação do CSV",
    encodings: {
      "utf-8": "UTF-8",
      "windows-1252": "Latin-1 (Excel no Windows)",
    },
    fields: "Campos",
    submit: "Importar",
    running: "Importando…",
    result: "Resultado de {{file}}",
    records: "Linhas lidas",
    inserted: "Inseridos",
    updated: "Atualizados",
    unchanged: "Inalterados",
    rejectedCount: "Recusados",
    nothingChanged: "Nada mudou: tudo o que o arquivo traz já estava igual no Vínculo.",
    allGood: "Importação concluída sem linhas recusadas.",
    rejectedTitle: "Linhas recusadas",
    rejectedTruncated: "Mostrando as primeiras {{shown}} de {{total}} linhas recusadas.",
    line: "Linha",
    field: "Campo",
    error: "Erro",
    failedTitle: "O arquivo não foi importado até o fim",
    history: "Importações anteriores",
    historyEmpty: "Nenhuma importação ainda.",
    when: "Quando",
    what: "O quê",
    who: "Quem",
    status: "Situação",
    statuses: {
      running: "Em andamento",
      done: "Concluída",
      failed: "Interrompida",
    },
    viaCli: "linha de comando",
    loadMore: "Carregar mais",
  },
};

export type ImportsMessages = typeof importsPtBR;

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
    loadMore: "Load more",
  },
};
