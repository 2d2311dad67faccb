import { addStrings } from "../../../i18n/index.ts";
import { mailPtBR } from "./pt-BR.ts";

// Imported, for this side effect, by every lazy entry of the feature: the Portuguese strings come
// with the chunk that needs them, the English ones only for those who chose English.
addStrings(mailPtBR, () => import("./en.ts").then((m) => m.mailEn));
