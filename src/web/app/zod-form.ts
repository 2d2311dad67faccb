// Zod speaks the interface's language in the forms: Brazilian Portuguese by default (the server's
// locale, shared/zod-locale.ts), English when the user chose English. Applied here, where the web
// validates, so zod stays out of the first load.
import "../../shared/zod-locale.ts";
import type { FormErrors } from "@mantine/form";
import { z } from "zod";
import { currentLanguage, englishZodErrors, i18n } from "../i18n/index.ts";
import type { ApiError } from "./api.ts";
import { issueText, reasonInEnglish, zodText } from "./error-message.ts";

const portuguese = z.config().localeError;

function applyZodLocale(): void {
  const english = englishZodErrors();
  z.config({ localeError: english ?? portuguese });
}
applyZodLocale();
i18n.on("languageChanged", applyZodLocale);

type Issue = z.core.$ZodIssue;

/**
 * One issue in the interface's language. Portuguese: the schema's own words. English: a custom
 * refinement that names its reason (`params: { reason }`) by that reason's template; any other
 * issue by zod's English locale, since the schemas' custom words are Portuguese.
 */
function issueMessage(issue: Issue): string {
  if (currentLanguage() !== "en") return issue.message;
  const params = (issue as { params?: Record<string, unknown> }).params;
  const { reason, ...rest } = params ?? {};
  if (typeof reason === "string") {
    const byReason = reasonInEnglish(reason, rest as Record<string, string | number>);
    if (byReason) return byReason;
  }
  const english = englishZodErrors();
  return (english && zodText(english, issue as unknown as Record<string, unknown>)) || issue.message;
}

/** Validates a Mantine form with a shared zod schema: the first message per field, keyed by its path. */
export function zodResolver(schema: z.ZodType): (values: unknown) => FormErrors {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      errors[path] ??= issueMessage(issue);
    }
    return errors;
  };
}

/**
 * Puts the server's field messages (`details: [{field, message, reason}]`) on the form's fields,
 * in the interface's language. Returns true when every issue found a field, so no separate alert
 * is needed.
 */
export function applyServerErrors(
  error: ApiError,
  fields: readonly string[],
  setFieldError: (field: string, message: string) => void,
): boolean {
  const issues = error.fieldIssues;
  const t = i18n.t.bind(i18n);
  for (const issue of issues) if (fields.includes(issue.field)) setFieldError(issue.field, issueText(t, issue, error));
  return issues.length > 0 && issues.every((issue) => fields.includes(issue.field));
}
