import {
  companySettings,
  smtpSettings,
  smtpTestResult,
  updateCompanySettingsBody,
  updateSmtpSettingsBody,
} from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { adminOnly, requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { EMAIL_PATTERN, enqueueMail, wakeMailWorkers } from "../mail/outbox.service.ts";
import { getCompanySettingsWithVersion, updateCompanySettings } from "./company.service.ts";
import { getSmtpSettings, updateSmtpSettings } from "./smtp.service.ts";

const tags = ["settings"];
const view = ({ name, timeZone, mailFrom, version }: Awaited<ReturnType<typeof getCompanySettingsWithVersion>>) => ({
  name,
  timeZone,
  mailFrom,
  version,
});

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
        response: { 200: companySettings },
      },
    },
    async () => view(await getCompanySettingsWithVersion(ctx.db)),
  );
  app.patch(
    "/settings/company",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera nome, fuso horário (IANA) ou remetente da empresa (com version)",
        body: updateCompanySettingsBody,
        response: { 200: companySettings },
      },
    },
    async (request) => view(await updateCompanySettings(ctx, request.body)),
  );
  app.get(
    "/settings/smtp",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Servidor SMTP (a senha nunca é devolvida; só hasPassword)",
        response: { 200: smtpSettings },
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
        response: { 200: smtpSettings },
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
        response: { 202: smtpTestResult },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!EMAIL_PATTERN.test(user.email)) {
        throw badRequest("email", "cadastre um e-mail válido no seu usuário para receber o teste");
      }
      const id = await ctx.db.transaction().execute(async (trx) => {
        const company = await getCompanySettingsWithVersion(trx);
        return enqueueMail(trx, ctx, {
          kind: "test",
          to: [user.email],
          subject: `Teste de e-mail do ${company.name}`,
          text:
            `Olá, ${user.name}.\n\nEsta é uma mensagem de teste enviada pelas configurações de e-mail do Vínculo.\n` +
            "Se ela chegou, o envio de e-mails está funcionando.",
          createdBy: user.id,
        });
      });
      wakeMailWorkers(ctx);
      return reply.status(202).send({ id, to: user.email });
    },
  );
}
