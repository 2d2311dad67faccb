import { i18n } from "../../i18n/index.ts";
import { financePtBR } from "./i18n.ts";
import { financeEn } from "./i18n-en.ts";

// Imported (for this side effect) by every lazy entry of these tabs: the strings arrive with the
// chunk that needs them instead of in the first load. Deep merge, never overwrite: harmless twice.
i18n.addResourceBundle("pt-BR", "translation", financePtBR, true, false);
i18n.addResourceBundle("en", "translation", financeEn, true, false);
