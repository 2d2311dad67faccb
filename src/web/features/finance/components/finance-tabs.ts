/**
 * The one lazy entry of A receber, Conta corrente and Contratos (person-tabs.tsx). One chunk, not
 * three: each dynamic entry that shares modules with the first load makes the bundler split those
 * modules into more first-load files, and every split costs gzipped bytes (measured: ~0.4 KiB).
 */
export { ContractsTab } from "./contracts/contracts-tab.tsx";
export { CurrentAccountTab } from "./current-account/current-account-tab.tsx";
export { ReceivablesTab } from "./receivables/receivables-tab.tsx";
