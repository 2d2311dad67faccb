import type { TFunction } from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addStrings, i18n, setLanguage, stringsReady } from "../i18n/index.ts";
import { reasonsEn } from "../i18n/reasons/en.ts";
import { ApiError } from "./api.ts";
import { issueText, serverText } from "./error-message.ts";
import { zodResolver } from "./zod-form.ts";

const t = i18n.t.bind(i18n) as TFunction;
const closed = () =>
  new ApiError(
    409,
    "conflict",
    "Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.",
    undefined,
    null,
    {
      reason: "ticket_closed",
    },
  );

describe("the server's sentence in the user's language", () => {
  afterAll(() => setLanguage("pt-BR"));

  it("Portuguese: exactly what the server wrote, for the error and for each field", () => {
    expect(serverText(t, closed())).toBe("Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.");
    expect(issueText(t, { field: "subject", message: "escreva o assunto", reason: "too_small" })).toBe(
      "escreva o assunto",
    );
  });

  it("a Portuguese user never fetches a feature's English", async () => {
    let fetched = false;
    addStrings({ portugueseOnlyTest: { hello: "Olá" } }, async () => {
      fetched = true;
      return { portugueseOnlyTest: { hello: "Hello" } };
    });
    await stringsReady();
    expect(fetched).toBe(false);
    expect(i18n.t("portugueseOnlyTest.hello" as never)).toBe("Olá");
  });

  describe("English", () => {
    beforeAll(() => setLanguage("en"));

    it("a known reason: its English template, with the server's params", () => {
      expect(serverText(t, closed())).toBe(reasonsEn.ticket_closed);
      const issue = {
        field: "internalContactUserId",
        message: "Ana não tem acesso a Atendimentos desta pessoa",
        reason: "user_without_tab",
        params: { name: "Ana", tab: "Atendimentos" },
      };
      const english = issueText(t, issue);
      expect(english).toContain("Ana");
      expect(english).not.toContain("{{");
      expect(english).toBe(reasonsEn.user_without_tab?.replace("{{name}}", "Ana").replace("{{tab}}", "Atendimentos"));
    });

    it("a zod issue: zod's English, rebuilt from the issue code and its params", () => {
      const issue = {
        field: "text",
        message: "escreva o parecer",
        reason: "too_small",
        params: { origin: "string", minimum: 1, inclusive: "true" },
      };
      expect(issueText(t, issue)).toBe("Too small: expected string to have >=1 characters");
    });

    it("anything unknown: the error code's sentence, never the Portuguese", () => {
      const unknown = new ApiError(409, "conflict", "Algo em português.", undefined, null, {
        reason: "no_such_reason",
      });
      expect(serverText(t, unknown)).toBe(i18n.t("errors.conflict"));
      expect(serverText(t, unknown)).not.toContain("português");
      const bare = new ApiError(400, "validation_failed", "campo: valor inválido");
      expect(issueText(t, { field: "x", message: "valor inválido" }, bare)).toBe(i18n.t("errors.validation_failed"));
    });

    it("the forms' own validation: zod's English, and a refinement by its reason", () => {
      const schema = z.object({
        text: z.string().trim().min(1, "escreva o parecer"),
        next: z.string().refine((v) => v !== "closed", { message: "encerrado", params: { reason: "ticket_closed" } }),
      });
      expect(zodResolver(schema)({ text: " ", next: "closed" })).toEqual({
        text: "Too small: expected string to have >=1 characters",
        next: reasonsEn.ticket_closed,
      });
    });

    it("a feature's English strings come when asked, only for English", async () => {
      addStrings({ errorMessageTest: { hello: "Olá" } }, async () => ({ errorMessageTest: { hello: "Hello" } }));
      await stringsReady();
      expect(i18n.t("errorMessageTest.hello" as never)).toBe("Hello");
    });
  });

  it("back in Portuguese, the forms speak Portuguese again", async () => {
    await setLanguage("pt-BR");
    expect(zodResolver(z.object({ text: z.string().min(1, "escreva o parecer") }))({ text: "" })).toEqual({
      text: "escreva o parecer",
    });
    expect(zodResolver(z.object({ n: z.number() }))({ n: "x" }).n).toMatch(/esperado|Entrada inválida/i);
  });
});
