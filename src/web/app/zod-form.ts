import type { FormErrors } from "@mantine/form";
import type { z } from "zod";
import type { ApiError } from "./api.ts";

/** Validates a Mantine form with a shared zod schema: the first message per field, keyed by its path. */
export function zodResolver(schema: z.ZodType): (values: unknown) => FormErrors {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      errors[path] ??= issue.message;
    }
    return errors;
  };
}

/**
 * Puts the server's field messages (`details: [{field, message}]`) on the form's fields.
 * Returns true when every issue found a field, so no separate alert is needed.
 */
export function applyServerErrors(
  error: ApiError,
  fields: readonly string[],
  setFieldError: (field: string, message: string) => void,
): boolean {
  const issues = error.fieldIssues;
  for (const issue of issues) if (fields.includes(issue.field)) setFieldError(issue.field, issue.message);
  return issues.length > 0 && issues.every((issue) => fields.includes(issue.field));
}
