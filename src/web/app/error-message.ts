import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

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
