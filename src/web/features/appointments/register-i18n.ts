import { i18n } from "../../i18n/index.ts";
import { appointmentsPtBR } from "./i18n.ts";
import { appointmentsEn } from "./i18n-en.ts";

// Imported (for this side effect) by every lazy entry of the feature: the strings arrive with the
// chunk that needs them instead of in the first load. Deep merge, never overwrite: harmless twice.
i18n.addResourceBundle("pt-BR", "translation", appointmentsPtBR, true, false);
i18n.addResourceBundle("en", "translation", appointmentsEn, true, false);
