/**
 * Reasons of the day's work screens (issue 18): ticket queues and their saved views, bulk
 * actions, the person's timeline and the reports, in pt-BR (see platform.ts);
 * web/i18n/reasons/workspace.en.ts has the same keys in English. A bulk refusal lists each
 * ticket's own reason (work.ts: ticket_not_found, ticket_closed…) in its details.
 */
export const workspaceReasons = {
  // ——— queues and saved views ———
  opened_period_reversed: "a data final do período de abertura é anterior à inicial",
  ticket_view_not_found: "Visão não encontrada.",
  ticket_view_changed: "Outra pessoa alterou esta visão; recarregue para ver as mudanças.",
  view_profile_not_yours: "só é possível compartilhar com um perfil de acesso seu",
  bulk_refused:
    "Nada foi alterado: {{refused}} de {{total}} atendimentos foram recusados. Veja a lista e tente de novo sem eles.",
  // ——— timeline ———
  unknown_timeline_kind: "tipo de evento desconhecido: {{kind}}",
  // ——— reports ———
} as const;
