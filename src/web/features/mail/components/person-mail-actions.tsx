import "../i18n/index.ts";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { canEditPerson } from "../../../app/access.ts";
import { useMe } from "../../../app/auth.ts";
import { HeaderAction } from "../../../app/ui/header-actions.tsx";
import { PersonEmailsDrawer } from "./person-emails-drawer.tsx";
import { SendEmailModal } from "./send-email-modal.tsx";

/**
 * "Enviar e-mail" for users who may write for one of the person's categories (the server's rule:
 * the same as changing the header), and "E-mails" — what was sent — for everyone who sees the person.
 */
export function PersonMailActions({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const [sending, send] = useDisclosure(false);
  const [listing, list] = useDisclosure(false);
  const canSend = canEditPerson(
    me,
    person.categories.map((c) => c.id),
  );
  return (
    <>
      <HeaderAction onClick={list.open}>{t("mail.history")}</HeaderAction>
      {canSend && (
        <HeaderAction variant="light" onClick={send.open}>
          {t("mail.send")}
        </HeaderAction>
      )}
      <SendEmailModal person={person} opened={sending} onClose={send.close} replyTo={me.user.email} />
      <PersonEmailsDrawer person={person} opened={listing} onClose={list.close} />
    </>
  );
}
