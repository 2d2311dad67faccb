import type { CurrentAccountGateMessages } from "./pt-BR.ts";

/** English, fetched only for users who chose English. Typed by pt-BR.ts: a missing or extra key fails the type check. */
export const currentAccountGateEn: CurrentAccountGateMessages = {
  currentAccountGate: {
    reason: "Available only to users linked to an employee or a representative.",
  },
};
