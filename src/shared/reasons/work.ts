/**
 * Reasons of the work area (tickets and production, critical factors, Spy System, mail,
 * appointments, receivables, current account, contracts), in pt-BR (see platform.ts);
 * web/i18n/reasons/work.en.ts has the same keys in English. The appointment rules
 * (shared/appointments.rules.ts) and the zod refinements of this area's schemas take their
 * messages from here too, so the API, the rules and the forms say the same words.
 *
 * Reasons of other areas are reused rather than repeated: invalid_cursor (persons),
 * settings_changed, unknown_time_zone and not_allowed (platform).
 */
export const workReasons = {
  // ——— tickets and production ———
  ticket_not_found: "Atendimento não encontrado.",
  ticket_changed: "Outra pessoa alterou este atendimento; recarregue para ver as mudanças.",
  ticket_closed: "Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.",
  ticket_closed_for_changes: "Atendimento encerrado: reabra-o para alterá-lo.",
  ticket_already_open: "O atendimento já está aberto.",
  unknown_ticket_type: "tipo de atendimento desconhecido ou inativo",
  production_type: "este tipo é de Produção; escolha um tipo de Atendimentos",
  service_type: "este tipo é de Atendimentos; escolha um tipo de Produção",
  unknown_sector: "setor desconhecido ou inativo",
  unknown_product: "produto desconhecido ou inativo",
  unknown_user: "usuário desconhecido ou inativo",
  user_without_tab: "{{name}} não tem acesso a {{tab}} desta pessoa",
  internal_contact_date_required: "informe a data do contato interno",
  internal_contact_user_required: "informe o usuário do contato interno",
  nothing_to_change: "informe ao menos um campo para alterar",
  // ——— critical factors ———
  person_lacks_category: "a pessoa não tem esta categoria",
  unknown_ticket_types: "tipo de atendimento desconhecido: {{ids}}",
  type_in_both_lists: "o tipo {{ids}} não pode estar nas duas listas (contar e nunca contar)",
  // ——— mail ———
  mail_not_found: "Mensagem não encontrada.",
  mail_not_failed: "Só uma mensagem que falhou pode ser tentada de novo.",
  invalid_email: "endereço de e-mail inválido",
  recipient_required: "informe pelo menos um destinatário",
  mail_read_only: "Você não pode enviar e-mails a esta pessoa (seu acesso é somente leitura).",
  single_line_subject: "o assunto deve ter uma só linha",
  // ——— appointments: requests ———
  appointment_not_found: "Agendamento não encontrado.",
  appointment_changed: "Outra pessoa alterou este agendamento; recarregue para ver as mudanças.",
  unknown_appointment_type: "tipo de agendamento desconhecido ou inativo",
  unknown_address: "endereço desconhecido ou de outra pessoa",
  unknown_ticket: "atendimento desconhecido",
  ticket_of_other_person: "o atendimento é de outra pessoa",
  appointment_without_ticket: "este agendamento não tem atendimento vinculado",
  remote_without_address: "um agendamento remoto não tem endereço",
  all_day_start_required: "informe o dia (AAAA-MM-DD)",
  timed_start_required: "informe data e hora com fuso",
  window_end_before_start: "o fim da janela deve ser depois do início",
  window_too_long: "a janela tem no máximo {{days}} dias",
  mine_or_assignee: "use mine=true ou assignedUserId, não os dois",
  date_or_date_time: "data e hora ISO 8601 com fuso (ex. 2026-03-02T14:30:00-03:00) ou, dia inteiro, data AAAA-MM-DD",
  calendar_feed_not_found: "Agenda não encontrada.",
  // ——— appointments: times (shared/appointments.time.ts resolveTimes) ———
  all_day_start_format: "para dia inteiro, informe a data no formato AAAA-MM-DD",
  all_day_end_format: "para dia inteiro, informe o último dia no formato AAAA-MM-DD",
  last_day_before_first: "o último dia não pode ser antes do primeiro",
  span_too_long: "no máximo {{days}} dias",
  date_time_with_zone: "informe data e hora com fuso, ou marque dia inteiro",
  end_not_after_start: "o fim deve ser depois do início",
  // ——— appointments: the rules (shared/appointments.rules.ts) ———
  appointment_deleted: "Agendamento excluído: não aceita alterações.",
  appointment_done_edit: "Agendamento já realizado: não pode ser editado.",
  appointment_done_delete: "Agendamento já realizado: não pode ser excluído.",
  appointment_done_again: "Agendamento já realizado: não pode ser marcado como realizado de novo.",
  appointment_past: "Agendamento no passado (terminou em {{end}}): não pode mais ser editado.",
  appointment_move_past:
    "Não é possível mover o agendamento para o passado: escolha um horário que ainda não terminou.",
  appointment_locked_edit:
    "Agendamento bloqueado por {{name}} desde {{since}} ({{lockReason}}): só quem bloqueou pode editá-lo.",
  appointment_locked_delete:
    "Agendamento bloqueado por {{name}} desde {{since}} ({{lockReason}}): só quem bloqueou pode excluí-lo.",
  appointment_locked_done:
    "Agendamento bloqueado por {{name}} desde {{since}} ({{lockReason}}): só quem bloqueou pode marcá-lo como realizado.",
  appointment_locked_lock:
    "Agendamento bloqueado por {{name}} desde {{since}} ({{lockReason}}): aguarde o desbloqueio.",
  appointment_locked_unlock:
    "Agendamento bloqueado por {{name}} desde {{since}} ({{lockReason}}): só quem bloqueou ou um administrador pode desbloqueá-lo.",
  // ——— receivables, contracts, current account ———
  receivable_not_found: "Título a receber não encontrado.",
  billing_not_found: "Cobrança de contrato não encontrada.",
  contract_not_of_person: "contrato não encontrado para esta pessoa",
  entry_not_found: "Lançamento de conta corrente não encontrado.",
  closing_not_in_account: "fechamento não encontrado nesta conta corrente",
  closing_entries_closed: "os lançamentos de um fechamento estão fechados: use status=closed ou omita o status",
  current_account_unlinked:
    "Conta corrente indisponível: seu usuário não está vinculado a uma pessoa. Peça ao administrador que vincule seu usuário a um funcionário ou representante.",
  current_account_not_seller:
    "Conta corrente indisponível: a pessoa vinculada ao seu usuário ({{code}} {{name}}) não é funcionário nem representante.",
  // ——— the finance schemas (zod refinements of the ERP records) ———
  due_before_issue: "vencimento anterior à emissão",
  settled_before_issue: "baixa anterior à emissão",
  end_before_start: "término anterior ao início",
  period_end_before_start: "fim do período anterior ao início",
  closed_entry_needs_closing: "lançamento fechado precisa do fechamento (closing)",
  closing_needs_closed_status: "um lançamento com fechamento (closing) tem status closed",
} as const;

export type WorkReason = keyof typeof workReasons;

/**
 * The custom-issue options of a zod refinement that refuses for one of these reasons: the pt-BR
 * message, and the reason in `params`, which the error plugin sends as the field's reason.
 */
export const workRefinement = (reason: WorkReason) => ({ message: workReasons[reason], params: { reason } });
