/** Small rules the money features share (receivables, current account, contracts). */

/** The roles that make a person a seller, whose account Conta corrente shows. */
export const SELLER_ROLES = ["employee", "representative"] as const;

/** A person code as users see it: zero-padded to six digits. */
export const codeLabel = (code: number) => String(code).padStart(6, "0");
