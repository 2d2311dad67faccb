import { addStrings } from "../../../i18n/index.ts";
import { attachmentsPtBR } from "./pt-BR.ts";

// Imported, for this side effect, by every component of the feature: the Portuguese strings come
// with the chunk that needs them, the English ones only for those who chose English.
addStrings(attachmentsPtBR, () => import("./en.ts").then((m) => m.attachmentsEn));
