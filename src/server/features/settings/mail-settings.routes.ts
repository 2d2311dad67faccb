import { errors } from "../../../shared/common.schemas.ts";
import {
  companySettings,
  smtpSettings,
  smtpTestResult,
  updateCompanySettingsBody,
  updateSmtpSettingsBody,
} from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { getCompanySettingsView, updateCompanySettings } from "./company.service.ts";
import { getSmtpSettings, updateSmtpSettings } from "./smtp.service.ts";
import { sendSmtpTest } from "./smtp-test.service.ts";

const tags = ["settings"];

/** Configurador › Empresa and › E-mail (SMTP). */
export function mailSettingsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/settings/company",
    {
      // Every user reads it (the web shows dates in the company's time zone); administrators change it.
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Empresa: nome, fuso horário e remetente dos e-mails",
        response: { 200: companySettings, ...errors(401) },
      },
    },
    async () => getCompanySettingsView(ctx),
  );
  app.patch(
    "/settings/company",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera nome, fuso horário (IANA) ou remetente da empresa (com version)",
        body: updateCompanySettingsBody,
        response: { 200: companySettings, ...errors(400, 401, 403, 412, 413, 415, 503) },
      },
    },
    async (request) => updateCompanySettings(ctx, request.body),
  );
  app.get(
    "/settings/smtp",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Servidor SMTP (a senha nunca é devolvida; só hasPassword)",
        response: { 200: smtpSettings, ...errors(401, 403) },
      },
    },
    async () => getSmtpSettings(ctx),
  );
  app.patch(
    "/settings/smtp",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera o servidor SMTP (com version); password ausente mantém a senha, null a apaga",
        body: updateSmtpSettingsBody,
        response: { 200: smtpSettings, ...errors(400, 401, 403, 412, 413, 415, 503) },
      },
    },
    async (request) => updateSmtpSettings(ctx, request.body),
  );
  app.post(
    "/settings/smtp/test",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Põe na fila uma mensagem de teste para o e-mail do próprio administrador",
        response: { 202: smtpTestResult, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => reply.status(202).send(await sendSmtpTest(ctx, requireUser(request))),
  );
}
