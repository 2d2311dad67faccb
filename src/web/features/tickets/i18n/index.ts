import { addStrings } from "../../../i18n/index.ts";
import { ticketsPtBR } from "./pt-BR.ts";

// Imported, for this side effect, by every lazy entry of the feature: the Portuguese strings come
// with the chunk that needs them, the English ones only for those who chose English.
addStrings(ticketsPtBR, () => import("./en.ts").then((m) => m.ticketsEn));
