import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  BillingKind,
  BillingStatus,
  ContractBillingDetails,
  ContractBillingList,
} from "../../../../shared/contracts.schemas.ts";
import type {
  ClosingList,
  CommissionEntryDetails,
  CurrentAccountList,
  CurrentAccountView,
  EntryStatus,
} from "../../../../shared/current-account.schemas.ts";
import type { ReceivableDetails, ReceivableList, ReceivableStatus } from "../../../../shared/receivables.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey } from "../../../app/person-keys.ts";
import { searchParams } from "./query-params.ts";

const PAGE_SIZE = 50;

// ——— A receber ———

export const personReceivablesKey = (code: number) => [...personKey(code), "receivables"] as const;

/** Open (oldest due first) or settled receivables, by keyset pages; every page repeats the totals. */
export const personReceivablesQuery = (code: number, categoryId: number, status: ReceivableStatus) =>
  infiniteQueryOptions({
    queryKey: [...personReceivablesKey(code), categoryId, status] as const,
    queryFn: ({ pageParam }) =>
      api.get<ReceivableList>(
        `/api/persons/${code}/receivables?${searchParams({ status, category: categoryId, limit: PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const receivableQuery = (id: number) =>
  queryOptions({
    queryKey: ["receivables", id] as const,
    queryFn: () => api.get<ReceivableDetails>(`/api/receivables/${id}`),
  });

// ——— Conta corrente ———

export type CurrentAccountFilter = { view: CurrentAccountView; status: EntryStatus; closingId: number | null };

export const personCurrentAccountKey = (code: number) => [...personKey(code), "current-account"] as const;

export const currentAccountQuery = (code: number, categoryId: number, filter: CurrentAccountFilter) =>
  infiniteQueryOptions({
    queryKey: [...personCurrentAccountKey(code), categoryId, filter] as const,
    queryFn: ({ pageParam }) =>
      api.get<CurrentAccountList>(
        `/api/persons/${code}/current-account?${searchParams({
          view: filter.view,
          // A closing's entries are all closed: the server takes the status from the closing.
          status: filter.closingId === null ? filter.status : undefined,
          closingId: filter.closingId,
          category: categoryId,
          limit: PAGE_SIZE,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The closing selector: the newest closings (a seller closes about once a month, 100 is years of them). */
export const closingsQuery = (code: number, categoryId: number) =>
  queryOptions({
    queryKey: [...personCurrentAccountKey(code), categoryId, "closings"] as const,
    queryFn: () =>
      api.get<ClosingList>(
        `/api/persons/${code}/current-account/closings?${searchParams({ category: categoryId, limit: 100 })}`,
      ),
  });

export const entryQuery = (id: number) =>
  queryOptions({
    queryKey: ["current-account-entries", id] as const,
    queryFn: () => api.get<CommissionEntryDetails>(`/api/current-account/entries/${id}`),
  });

// ——— Contratos ———

export type BillingFilter = { kinds: BillingKind[]; statuses: BillingStatus[] };

export const personBillingsKey = (code: number) => [...personKey(code), "contract-billings"] as const;

export const contractBillingsQuery = (code: number, categoryId: number, filter: BillingFilter) =>
  infiniteQueryOptions({
    queryKey: [...personBillingsKey(code), categoryId, filter] as const,
    queryFn: ({ pageParam }) =>
      api.get<ContractBillingList>(
        `/api/persons/${code}/contract-billings?${searchParams({
          kind: filter.kinds,
          status: filter.statuses,
          category: categoryId,
          limit: PAGE_SIZE,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const billingQuery = (id: number) =>
  queryOptions({
    queryKey: ["contract-billings", id] as const,
    queryFn: () => api.get<ContractBillingDetails>(`/api/contract-billings/${id}`),
  });
