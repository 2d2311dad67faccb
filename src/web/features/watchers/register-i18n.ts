import { i18n } from "../../i18n/index.ts";
import { watchersEn, watchersPtBR } from "./i18n.ts";

// Imported (for this side effect) by every lazy entry of the feature: the strings arrive with the
// chunk that needs them instead of in the first load. Deep merge, never overwrite: harmless twice.
i18n.addResourceBundle("pt-BR", "translation", watchersPtBR, true, false);
i18n.addResourceBundle("en", "translation", watchersEn, true, false);
