import type { AppContext, AuthUser } from "../../context.ts";
import { fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { EMAIL_PATTERN, enqueueMail, wakeMailWorkers } from "../mail/outbox.service.ts";
import { getCompanySettings } from "./company.service.ts";

/**
 * Configurador › E-mail's test: queues a message to the administrator's own address through
 * the outbox (so it takes the route real mail takes) and wakes the workers at once.
 * Kept apart from smtp.service.ts, which the mail feature's delivery imports: the SMTP settings
 * stay free of the mail feature, so settings and mail never import each other in a circle.
 */
export async function sendSmtpTest(ctx: AppContext, user: AuthUser): Promise<{ id: number; to: string }> {
  if (!EMAIL_PATTERN.test(user.email)) throw fieldError("email", "test_mail_needs_email");
  const id = await inTransaction(ctx, async (trx) => {
    const company = await getCompanySettings(trx);
    const subject = `Teste de e-mail do ${company.name}`;
    const queued = await enqueueMail(trx, ctx, {
      kind: "test",
      to: [user.email],
      subject,
      text:
        `Olá, ${user.name}.\n\nEsta é uma mensagem de teste enviada pelas configurações de e-mail do Vínculo.\n` +
        "Se ela chegou, o envio de e-mails está funcionando.",
      createdBy: user.id,
    });
    recordChange(trx, ctx, {
      entity: "mail",
      id: queued,
      action: "queue",
      after: { kind: "test", to: [user.email], subject },
      events: [{ type: "mail.queued", area: "admin", refs: { mailId: queued } }],
    });
    return queued;
  });
  wakeMailWorkers(ctx);
  return { id, to: user.email };
}
