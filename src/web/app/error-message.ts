import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { FieldIssue, ReasonParams } from "../../shared/errors.ts";
import { currentLanguage, englishZodErrors, i18n, type ZodErrorMap } from "../i18n/index.ts";
import { ApiError } from "./api.ts";

/**
 * What the user reads when something fails. Two kinds of words: a translated sentence per error
 * code (`errors.<code>`, for "it failed, try again"), and the server's own sentence where it says
 * why (a 409's rule, a field's problem). The server writes that one in pt-BR; for an English user
 * it is said again from its reason (i18n/reasons/en.ts, with the same `{{params}}`), or by zod's
 * English locale for a zod issue, and falls back to the code's sentence when neither knows it.
 */

/** A translated sentence for any failure, by the API's error code (the server's own text is pt-BR only). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.unknown");
  if (error.code === "rate_limited" && error.retryAfterSeconds) {
    return t("errors.waitMinutes", { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  }
  return t(`errors.${error.code}`);
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}

/** zod's issue codes: the server sends them as the reason of a schema's refusal, with zod's own params. */
const ZOD_CODES = new Set([
  "invalid_type",
  "too_big",
  "too_small",
  "invalid_format",
  "not_multiple_of",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "invalid_value",
  "custom",
]);

/** zod's English for an issue; null when the issue lacks what the message needs (zod's map would throw). */
export function zodText(map: ZodErrorMap, issue: Record<string, unknown>): string | null {
  try {
    const out = map(issue);
    return typeof out === "string" ? out : (out?.message ?? null);
  } catch {
    return null;
  }
}

/** The server sends zod's params as text or numbers; zod's map wants `inclusive` as a boolean. */
const zodIssueOf = (code: string, params: ReasonParams = {}): Record<string, unknown> => ({
  ...params,
  code,
  ...(params.inclusive !== undefined && { inclusive: params.inclusive === "true" || params.inclusive === 1 }),
});

const reasonTemplate = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;

/** A reason in English: its template filled with its params, zod's English for a zod code; null when unknown. */
export function reasonInEnglish(reason: string | undefined, params?: ReasonParams): string | null {
  if (!reason) return null;
  if (i18n.exists(reason, { ns: "reasons", lng: "en" })) {
    return reasonTemplate(reason, { ...params, ns: "reasons", lng: "en" });
  }
  const zod = englishZodErrors();
  return zod && ZOD_CODES.has(reason) ? zodText(zod, zodIssueOf(reason, params)) : null;
}

/**
 * The server's own sentence for a refusal that says why (a 409's rule, an import's bad line): as
 * the server wrote it in Portuguese; in English by its reason, else the code's sentence.
 */
export function serverText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  if (currentLanguage() !== "en") return error.message;
  return reasonInEnglish(error.reason, error.params) ?? errorMessage(t, error);
}

/** A field's problem as the server named it (`details[]`), in the interface's language. */
export function issueText(t: TFunction, issue: FieldIssue, error?: ApiError): string {
  if (currentLanguage() !== "en") return issue.message;
  return (
    reasonInEnglish(issue.reason, issue.params) ?? (error ? errorMessage(t, error) : t("errors.validation_failed"))
  );
}

/** `serverText` and `issueText` bound to the current language. */
export function useServerText() {
  const { t } = useTranslation();
  return {
    server: (error: unknown) => serverText(t, error),
    issue: (issue: FieldIssue, error?: ApiError) => issueText(t, issue, error),
  };
}
