/**
 * Reasons of the persons area (persons, addresses, related persons, imports), in pt-BR (see
 * platform.ts); web/i18n/reasons/persons.en.ts has the same keys in English. The zod schemas of
 * shared/persons.schemas.ts and shared/imports.schemas.ts take their messages from here too, so a
 * form, the API and an import report say the same words.
 */
export const personsReasons = {
  // ——— persons ———
  person_not_found: "Pessoa não encontrada.",
  unknown_category: "categoria desconhecida: {{category}}",
  unknown_characteristic: "característica desconhecida: {{characteristic}}",
  document_in_use: "documento já cadastrado",
  document_in_use_by: "documento já cadastrado para a pessoa {{code}}",
  document_or_code_in_use: "documento ou código já cadastrado",
  cannot_create_in_category: "Você não pode cadastrar pessoas nesta categoria.",
  cannot_change_person: "Você não pode alterar esta pessoa.",
  cannot_change_category: "Você não pode incluir ou retirar esta categoria.",
  person_changed: "Outra pessoa alterou este cadastro; recarregue para ver as mudanças.",
  individual_uses_cpf: "pessoa física usa CPF",
  company_uses_cnpj: "pessoa jurídica usa CNPJ",
  invalid_cursor: "cursor inválido",
  category_not_of_person: "esta pessoa não pertence a essa categoria",
  // ——— the persons schemas (zod refinements) ———
  document_shape: "CPF deve ter 11 dígitos e CNPJ 14 caracteres",
  invalid_cpf: "CPF inválido: dígitos verificadores não conferem",
  invalid_cnpj: "CNPJ inválido: dígitos verificadores não conferem",
  invalid_phone: "telefone inválido: use DDD e número, ex. (11) 91234-5678",
  invalid_cep: "CEP deve ter 8 dígitos",
  invalid_uf: "UF inválida: use a sigla de um dos 27 estados, ex. SP",
  one_main: "apenas um pode ser o principal",
  // ——— addresses ———
  address_not_found: "Endereço não encontrado.",
  address_changed: "Outra pessoa alterou este endereço; recarregue para ver as mudanças.",
  // ——— related persons ———
  related_person_not_found: "pessoa não encontrada",
  self_relationship: "uma pessoa não se relaciona com ela mesma",
  unknown_relationship_type: "tipo de relacionamento desconhecido",
  already_related: "Estas pessoas já estão relacionadas com este tipo.",
  relationship_not_found: "Relacionamento não encontrado.",
  // ——— imports: the request and the file ———
  import_json_list: "Corpo JSON: envie uma lista de registros ([{...}, {...}]) ou JSON lines.",
  unknown_import: "Importação desconhecida: {{entity}}. Use {{entities}}.",
  import_malformed: "Linha {{line}}: {{problem}}. Nada foi importado.",
  import_malformed_partly:
    "Linha {{line}}: {{problem}}. As linhas até a {{committed}} já foram importadas; corrija o arquivo e envie-o inteiro de novo (o que já entrou conta como inalterado).",
  import_too_large: "Arquivo grande demais: arquivo maior que o limite de {{limitMib}} MiB. Nada foi importado.",
  import_too_large_partly:
    "Arquivo grande demais: arquivo maior que o limite de {{limitMib}} MiB. As linhas até a {{committed}} já foram importadas; corrija o arquivo e envie-o inteiro de novo (o que já entrou conta como inalterado).",
  // ——— imports: one rejected line ———
  import_person_key: "informe o CPF/CNPJ ou o externalId: sem eles a pessoa seria criada de novo a cada importação",
  import_name_required: "informe o nome para cadastrar a pessoa",
  import_category_required: "informe ao menos uma categoria para cadastrar a pessoa",
  import_kind_required: "informe o tipo (individual ou company) de quem não tem documento",
  import_code_in_use: "código já usado pela pessoa {{name}}",
  import_code_differs: "a pessoa já existe com o código {{code}}",
  import_external_id_differs: "a pessoa com este documento tem outro externalId ({{externalId}})",
  import_unknown_person: "pessoa {{code}} não encontrada",
  import_unknown_seller: "vendedor {{code}} não encontrado",
  import_not_a_seller: "a pessoa {{code}} não é funcionário nem representante",
  import_unknown_contract: "contrato {{externalId}} não encontrado",
  import_unknown_receivable: "título {{externalId}} não encontrado",
  import_closing_of_other_seller: "o fechamento {{externalId}} é de outro vendedor",
  import_closing_differs: "o fechamento {{externalId}} veio com outros dados numa linha anterior",
  import_closed_entry: "lançamento fechado não muda: lance a correção como um novo lançamento",
  import_csv_cell_json: "a célula deve conter JSON (ou use colunas com ponto, ex. closing.externalId)",
  import_csv_cell_list: "lista inválida: use JSON ou valores separados por |",
} as const;

export type PersonsReason = keyof typeof personsReasons;

/**
 * The custom-issue options of a zod refinement that refuses for one of these reasons: the pt-BR
 * message, and the reason in `params`, which the error plugin sends as the field's reason.
 */
export const personsRefinement = (reason: PersonsReason) => ({
  message: personsReasons[reason],
  params: { reason },
});
