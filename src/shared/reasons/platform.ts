/**
 * Reasons of the platform (auth, users, tokens, access profiles, settings, the HTTP layer), in
 * pt-BR: the server's messages are made from these templates, and the web's English templates
 * (web/i18n/reasons/platform.en.ts) must have the same keys.
 */
export const platformReasons = {
  route_not_found: "Rota não encontrada: {{method}} {{path}}",
  malformed_json: "JSON malformado no corpo da requisição.",
  empty_json: "Corpo JSON vazio: envie um objeto JSON.",
  body_too_large: "Corpo da requisição grande demais.",
  content_length_mismatch: "Content-Length não confere com o corpo enviado.",
  json_only: "Tipo de conteúdo não suportado: envie application/json.",
  import_formats: "Tipo de conteúdo não suportado: envie text/csv ou application/x-ndjson.",
  too_many_requests: "Muitas requisições; tente novamente em instantes.",
  bad_request: "Requisição inválida.",
  bad_url: "Endereço com codificação inválida: um %xx que não forma UTF-8.",
  uri_too_long: "Endereço longo demais.",
  header_too_large: "Cabeçalhos da requisição grandes demais (a query string conta): no máximo 16 KiB.",
  request_timeout: "A requisição demorou demais para chegar.",
  request_refused: "Requisição recusada ({{status}}).",
  retry_conflict: "Conflito momentâneo no banco de dados; tente novamente.",
  internal: "Erro interno. A equipe foi avisada pelo registro do servidor.",
  login_required: "Faça login para continuar.",
  admin_only: "Somente administradores podem fazer isto.",
  bad_token: "Token de API inválido ou revogado.",
  not_allowed: "Você não tem permissão para esta ação.",
  cross_origin: "Requisição de outra origem recusada.",
  origin_required: "Requisição sem cabeçalho Origin recusada: envie Origin ou use um token de API.",
  database_unavailable: "Banco de dados indisponível.",
  // ——— auth ———
  invalid_credentials: "Usuário ou senha incorretos.",
  login_rate_limited: "Muitas tentativas de login. Tente novamente em {{minutes}} minuto(s).",
  // ——— users ———
  user_not_found: "Usuário não encontrado.",
  username_taken: 'o usuário "{{username}}" já existe.',
  linked_person_not_found: "pessoa não encontrada",
  unknown_profile: "perfil desconhecido: {{profile}}",
  user_changed: "Outra pessoa alterou este usuário; recarregue.",
  self_lockout: "Você não pode retirar o seu próprio acesso de administrador nem se desativar.",
  // ——— API tokens ———
  token_not_found: "Token não encontrado.",
  token_user_not_found: "usuário não encontrado.",
  token_user_inactive: "usuário inativo.",
  // ——— access profiles and tabs ———
  profile_not_found: "Perfil de acesso não encontrado.",
  profile_name_taken: "já existe um perfil com este nome.",
  profile_changed: "Outra pessoa alterou este perfil; recarregue.",
  duplicate_grant: "a mesma categoria e aba aparece mais de uma vez",
  no_tab_access: "Você não tem acesso à aba {{tab}} desta pessoa.",
  tab_read_only: "Seu acesso à aba {{tab}} é somente leitura.",
  // ——— settings ———
  setting_not_found: "{{label}} não encontrado(a).",
  setting_name_taken: "já existe {{label}} com este nome.",
  setting_changed: "Outra pessoa alterou este registro; recarregue.",
  settings_changed: "Outra pessoa alterou estas configurações; recarregue.",
  ticket_type_in_use: "este tipo já tem atendimentos; crie outro tipo para a outra área.",
  smtp_host_required: "informe o servidor para ativar o SMTP",
  test_mail_needs_email: "cadastre um e-mail válido no seu usuário para receber o teste",
  unknown_time_zone: "fuso horário IANA desconhecido (ex.: America/Sao_Paulo)",
  text_nul: "caractere nulo (U+0000) não é aceito em texto",
  text_lone_surrogate: "texto com caractere inválido (surrogate UTF-16 sem par)",
  text_invalid_encoding: "texto com bytes que não são UTF-8 válido",
  json_too_deep: "JSON aninhado demais: no máximo {{max}} níveis de listas e objetos",
} as const;

export type PlatformReason = keyof typeof platformReasons;

/**
 * The custom-issue options of a zod refinement that refuses for one of these reasons: the pt-BR
 * message, and the reason in `params`, which the error plugin sends as the field's reason.
 */
export const platformRefinement = (reason: PlatformReason) => ({
  message: platformReasons[reason],
  params: { reason },
});
