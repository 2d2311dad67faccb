import type { AppContext } from "../context.ts";
import { enqueueMail, type OutgoingMail } from "../features/mail/outbox.service.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Messages already sent from the person screen, so the E-mails list and the outbox are not empty. */
const SENT: { personCode: number; user: string; daysAgo: number; mail: Pick<OutgoingMail, "subject" | "text"> }[] = [
  {
    personCode: 1,
    user: "atendente",
    daysAgo: 9,
    mail: {
      subject: "Confirmação do atendimento — emissão de NF-e",
      text:
        "Olá, João!\n\nConforme conversamos por telefone, a emissão da NF-e foi normalizada após a atualização do certificado digital.\n" +
        "Qualquer dúvida, estamos à disposição.\n\nAline — Atendimento",
    },
  },
  {
    personCode: 1,
    user: "vendedor",
    daysAgo: 3,
    mail: {
      subject: "Proposta de renovação do contrato de manutenção",
      text:
        "Prezado João,\n\nSegue a proposta de renovação do contrato de manutenção para o próximo ano, com reajuste pelo IPCA.\n" +
        "Os detalhes estão em https://vinculo-demo.com.br/propostas/2026-001\n\nAtenciosamente,\nVicente",
    },
  },
  {
    personCode: 2,
    user: "financeiro",
    daysAgo: 5,
    mail: {
      subject: "Boleto da parcela 3/6 — vencimento em 10 dias",
      text: "Bom dia!\n\nLembramos que a parcela 3/6 vence em 10 dias. O boleto segue no portal do cliente.\n\nFátima — Financeiro",
    },
  },
];

/** The demo company's name and sender, and a few e-mails already delivered (marked sent; nothing goes out). */
export async function seedDemoMail(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("company_settings")
      .set({ name: "Vínculo Demonstração Ltda", mail_from: "contato@vinculo-demo.com.br" })
      .where("id", "=", 1)
      .execute();
    for (const s of SENT) {
      const person = await trx
        .selectFrom("persons")
        .innerJoin("person_emails", "person_emails.person_id", "persons.id")
        .select(["persons.id", "person_emails.address"])
        .where("persons.code", "=", s.personCode)
        .where("person_emails.is_main", "=", 1)
        .executeTakeFirst();
      const user = await trx
        .selectFrom("users")
        .select(["id", "email"])
        .where("username", "=", s.user)
        .executeTakeFirst();
      if (!person || !user) continue;
      const at = new Date(now.getTime() - s.daysAgo * DAY);
      // A clock of its own: the message was written days ago (and no worker is woken for it).
      const id = await enqueueMail(
        trx,
        { ...ctx, now: () => at },
        {
          kind: "person",
          to: [person.address],
          ...s.mail,
          replyTo: user.email,
          personId: person.id,
          createdBy: user.id,
        },
      );
      const sentAt = new Date(at.getTime() + 4000).toISOString();
      await trx
        .updateTable("mail_outbox")
        .set({ status: "sent", attempts: 1, sent_at: sentAt, updated_at: sentAt })
        .where("id", "=", id)
        .execute();
    }
  });
}
