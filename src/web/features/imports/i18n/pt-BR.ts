/**
 * The strings of Importações, in Brazilian Portuguese. They come with the feature's lazy chunks
 * (./index.ts registers them), never with the first load; en.ts has the same keys (checked by its type).
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
  },
};

export type ImportsMessages = typeof importsPtBR;
