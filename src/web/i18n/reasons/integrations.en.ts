import type { integrationsReasons } from "../../../shared/reasons/integrations.ts";

/** English for the integrations' reasons (same keys as shared/reasons/integrations.ts). */
export const integrationsReasonsEn = {
  webhook_not_found: "Webhook not found.",
  webhook_changed: "Someone else changed this webhook; reload it and try again.",
  webhook_url_invalid: "enter a full http:// or https:// address",
  webhook_url_credentials: "do not put a user or password in the address: the webhook is signed with the secret",
  webhook_url_private:
    "an address of the local network or of this machine; tick “Allow a local network address” if the receiver really is there",
  webhook_user_not_found: "user not found.",
  webhook_user_inactive: "inactive user: the webhook would carry nothing.",
  webhook_delivery_not_found: "Delivery not found.",
  webhook_delivery_skipped: "This delivery was not sent because the webhook's user could not see the event.",
} satisfies Record<keyof typeof integrationsReasons, string>;
