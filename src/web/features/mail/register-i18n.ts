import { i18n } from "../../i18n/index.ts";
import { mailEn, mailPtBR } from "./i18n.ts";

// Imported (for this side effect) by every lazy entry of e-mail: the strings arrive with the chunk
// that needs them. Deep merge, never overwrite: harmless twice.
i18n.addResourceBundle("pt-BR", "translation", mailPtBR, true, false);
i18n.addResourceBundle("en", "translation", mailEn, true, false);
