import { attachmentsReasonsEn } from "./attachments.en.ts";
import { integrationsReasonsEn } from "./integrations.en.ts";
import { personsReasonsEn } from "./persons.en.ts";
import { platformReasonsEn } from "./platform.en.ts";
import { workReasonsEn } from "./work.en.ts";
import { workspaceReasonsEn } from "./workspace.en.ts";

/** The server's reasons in English, one file per area (loaded with the English strings only). */
export const reasonsEn: Record<string, string> = {
  ...platformReasonsEn,
  ...personsReasonsEn,
  ...workReasonsEn,
  ...attachmentsReasonsEn,
  ...workspaceReasonsEn,
  ...integrationsReasonsEn,
};
