import { z } from "zod";

/** Zod's own messages ("expected string") in Brazilian Portuguese, on the server and in the web forms. */
z.config(z.locales.pt());
