import type { UseFormReturnType } from "@mantine/form";
import { isApiError } from "../../../../app/api.ts";
import { issueText, serverText } from "../../../../app/error-message.ts";
import { i18n } from "../../../../i18n/index.ts";
import type { PersonValues } from "./person-values.ts";

const ROOTS: readonly string[] = [
  "kind",
  "name",
  "shortName",
  "document",
  "categoryIds",
  "characteristicIds",
  "emails",
  "phones",
  "notes",
  "isActive",
  "addresses",
];

/** "document: documento já cadastrado para a pessoa 000042." → "documento já cadastrado para a pessoa 000042." */
const withoutFieldPrefix = (message: string) => message.replace(/^[\w.]+:\s*/, "");

/**
 * Puts the server's answer on the fields it names (details[].field: "document", "emails.0.address",
 * "addresses.0.zip"…). A 409 on the document shows the server's full sentence there, since it
 * says which person already has it. Returns false when something is left for a general alert.
 */
export function applyPersonServerErrors(error: unknown, form: UseFormReturnType<PersonValues>): boolean {
  if (!isApiError(error)) return false;
  const issues = error.fieldIssues;
  if (issues.length === 0) return false;
  let all = true;
  for (const issue of issues) {
    const root = issue.field.split(".")[0] ?? "";
    if (!ROOTS.includes(root)) {
      all = false;
      continue;
    }
    const t = i18n.t.bind(i18n);
    const message =
      error.code === "conflict" && issue.field === "document"
        ? withoutFieldPrefix(serverText(t, error))
        : issueText(t, issue, error);
    form.setFieldError(issue.field, message);
  }
  return all;
}
