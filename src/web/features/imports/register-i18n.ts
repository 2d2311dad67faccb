import { i18n } from "../../i18n/index.ts";
import { importsEn, importsPtBR } from "./i18n.ts";

// Imported (for this side effect) by the lazy page: its strings arrive with its chunk.
i18n.addResourceBundle("pt-BR", "translation", importsPtBR, true, false);
i18n.addResourceBundle("en", "translation", importsEn, true, false);
