import { attachmentsReasons } from "./attachments.ts";
import { integrationsReasons } from "./integrations.ts";
import { personsReasons } from "./persons.ts";
import { platformReasons } from "./platform.ts";
import { workReasons } from "./work.ts";
import { workspaceReasons } from "./workspace.ts";

/**
 * Every reason the server gives, with its pt-BR template. One file per area, so each area's
 * reasons live beside each other; the web keeps an English file per area with the same keys.
 */
export const ptBRReasons = {
  ...platformReasons,
  ...personsReasons,
  ...workReasons,
  ...attachmentsReasons,
  ...workspaceReasons,
  ...integrationsReasons,
} as const;

export type Reason = keyof typeof ptBRReasons;

export { renderTemplate } from "./render.ts";
