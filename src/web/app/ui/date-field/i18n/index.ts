import { addStrings } from "../../../../i18n/index.ts";
import { dateFieldPtBR } from "./pt-BR.ts";

// Imported, for this side effect, by the date field: its Portuguese strings come with the chunk
// that shows it, the English ones only for those who chose English.
addStrings(dateFieldPtBR, () => import("./en.ts").then((m) => m.dateFieldEn));
