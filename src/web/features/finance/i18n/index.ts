import { addStrings } from "../../../i18n/index.ts";
import { financePtBR } from "./pt-BR.ts";

// Imported, for this side effect, by every lazy entry of the feature: the Portuguese strings come
// with the chunk that needs them, the English ones only for those who chose English.
addStrings(financePtBR, () => import("./en.ts").then((m) => m.financeEn));
