/**
 * Reasons of Administração › Integrações (issue 14: outbound webhooks), in pt-BR (see
 * platform.ts); web/i18n/reasons/integrations.en.ts has the same keys in English.
 */
export const integrationsReasons = {
  webhook_not_found: "Webhook não encontrado.",
  webhook_changed: "Outra pessoa alterou este webhook; recarregue-o e tente de novo.",
  webhook_url_invalid: "informe um endereço http:// ou https:// completo",
  webhook_url_credentials: "não ponha usuário ou senha no endereço: o webhook é assinado com o segredo",
  webhook_url_private:
    "endereço da rede local ou da própria máquina; marque “Permitir endereço da rede local” se o receptor está mesmo aí",
  webhook_user_not_found: "usuário não encontrado.",
  webhook_user_inactive: "usuário inativo: o webhook não levaria nada.",
  webhook_delivery_not_found: "Entrega não encontrada.",
  webhook_delivery_skipped: "Esta entrega não foi enviada porque o usuário do webhook não podia ver o evento.",
} as const;
