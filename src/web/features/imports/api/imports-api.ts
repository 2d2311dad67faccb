import { infiniteQueryOptions } from "@tanstack/react-query";
import type { ImportEntity, ImportRun, ImportSummary } from "../../../../shared/imports.schemas.ts";
import { ApiError, api, apiErrorOf } from "../../../app/api.ts";

/** The entities, in the order the page offers them (types only from the shared schemas: no zod here). */
export const ENTITIES = [
  "receivables",
  "commission-entries",
  "contracts",
  "contract-billings",
  "persons",
] as const satisfies readonly ImportEntity[];

/** The fields of each record, for the page's hint (the full description is in the API docs). */
export const FIELDS: Record<ImportEntity, string> = {
  receivables:
    "externalId, personCode, documentNumber, installment, issueDate, dueDate, amountCents, interestCents?, fineCents?, discountCents?, paidCents?, settledAt?, paymentMethod?",
  "commission-entries":
    "externalId, sellerCode, personCode?, date, kind (commission | passThrough | adjustment), originDocument?, description?, baseCents, rate?, amountCents, status (pending | open | closed), closing? {externalId, periodStart, periodEnd, closedOn?}, items? [{product, quantity, baseCents, rate?, amountCents}]",
  contracts:
    "externalId, personCode, number, description, startDate, endDate?, billingDay?, status (active | suspended | paralyzed | ended)",
  "contract-billings":
    "externalId, contractExternalId, period (AAAA-MM), kind (fixed | variable), amountCents, status (charged | donated | suspended | paralyzed | pending), description?, receivableExternalId?",
  persons:
    "document (CPF/CNPJ) e/ou externalId, code?, kind?, name, shortName?, categories (nomes ou ids), email?, phone?, emails?, phones?, addresses?, characteristicIds?, notes?, isActive?",
};

export type TextEncoding = "utf-8" | "windows-1252";

/**
 * Sends the file as it is (the browser streams it; nothing is read into memory here), with the
 * type its extension tells: CSV or JSON lines.
 */
export async function uploadImport(entity: ImportEntity, file: File, encoding: TextEncoding): Promise<ImportSummary> {
  const csv = /\.csv$/i.test(file.name) || file.type === "text/csv";
  const type = csv ? `text/csv; charset=${encoding}` : "application/x-ndjson";
  let response: Response;
  try {
    response = await fetch(`/api/import/${entity}`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": type, "X-File-Name": encodeURIComponent(file.name) },
      credentials: "same-origin",
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : "network error");
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as ImportSummary;
  const answered = apiErrorOf(response.status, data);
  if (answered) throw answered;
  throw new ApiError(response.status, response.status >= 500 ? "unavailable" : "unknown", response.statusText);
}

export const runsQuery = infiniteQueryOptions({
  queryKey: ["import-runs"],
  queryFn: ({ pageParam }) =>
    api.get<{ items: ImportRun[]; nextCursor: string | null }>(
      `/api/import/runs?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
    ),
  initialPageParam: "",
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});
