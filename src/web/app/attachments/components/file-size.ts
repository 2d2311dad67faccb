import { currentLanguage } from "../../../i18n/index.ts";

/** "25 MB", "1,5 MB", "300 KB" in the user's language (binary multiples, as the server's limits). */
export function formatFileSize(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const shown = new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value);
  return `${shown} ${units[unit]}`;
}
