import "../i18n/index.ts";
import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type TicketSummary, updateTicketBody } from "../../../../shared/tickets.schemas.ts";
import { isoToZoned, zonedToIso } from "../../../app/format.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { DateTimeField, useDateValueError } from "../../../app/ui/date-field/date-time-field.tsx";
import { LocalizedDatesProvider } from "../../../app/ui/dates-provider.tsx";
import { ModalShell } from "../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { useUpdateTicket } from "../api/tickets-api.ts";
import { useTicketErrors } from "./use-ticket-errors.ts";
import { useUserOptions } from "./use-user-options.ts";

/** "Alterar data de contato interno": when the next internal follow-up is due, and who does it. */
export function InternalContactModal({
  ticket,
  opened,
  onClose,
}: {
  ticket: TicketSummary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("tickets.internalContact.title", { number: ticket?.number ?? "" })}
    >
      {ticket && (
        <LocalizedDatesProvider>
          <ContactForm ticket={ticket} onDone={onClose} />
        </LocalizedDatesProvider>
      )}
    </ModalShell>
  );
}

// Named as the API names them, so the server's field messages land on them as they are.
type Values = { internalContactAt: string | null; internalContactUserId: string | null };
const FIELDS = ["internalContactAt", "internalContactUserId"] as const;

function ContactForm({ ticket, onDone }: { ticket: TicketSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTicket();
  const errors = useTicketErrors(ticket);
  const users = useUserOptions([ticket.internalContactUser, ticket.responsible, ticket.openedBy]);
  const dateError = useDateValueError();
  const form = useForm<Values>({
    initialValues: {
      internalContactAt: isoToZoned(ticket.internalContactAt),
      internalContactUserId: String(ticket.internalContactUser?.id ?? users.meId),
    },
    validate: (values) => {
      const found = zodResolver(updateTicketBody)(bodyOf(values, errors.version));
      if (!values.internalContactAt) found.internalContactAt = t("tickets.internalContact.pickDate");
      else found.internalContactAt = dateError(values.internalContactAt) ?? found.internalContactAt;
      if (!values.internalContactUserId) found.internalContactUserId = t("tickets.internalContact.pickUser");
      return found;
    },
  });

  const save = (body: ReturnType<typeof bodyOf>, done: string) => {
    errors.clearAlert();
    update.mutate(
      { ticket, body: updateTicketBody.parse(body) },
      {
        onSuccess: () => {
          notifySuccess(done);
          onDone();
        },
        onError: (error) => void errors.onError(error, FIELDS, form.setFieldError),
      },
    );
  };
  const submit = form.onSubmit((values) => save(bodyOf(values, errors.version), t("tickets.internalContact.done")));
  const hasContact = errors.current.internalContactAt !== null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors.alert && (
          <Alert color="red" role="alert">
            {errors.alert}
          </Alert>
        )}
        <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
          {errors.current.subject}
        </Text>
        <DateTimeField
          label={t("tickets.internalContact.at")}
          withAsterisk
          defaultTime="09:00"
          data-autofocus
          {...form.getInputProps("internalContactAt")}
        />
        <Select
          label={t("tickets.internalContact.user")}
          description={
            users.limited ? t("tickets.internalContact.usersLimited") : t("tickets.internalContact.userHint")
          }
          withAsterisk
          data={users.data}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("internalContactUserId")}
        />
        <Group justify="space-between">
          <div>
            {hasContact && (
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  save(
                    { internalContactAt: null, internalContactUserId: null, version: errors.version },
                    t("tickets.internalContact.cleared"),
                  )
                }
                loading={update.isPending}
              >
                {t("tickets.internalContact.clear")}
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("tickets.internalContact.submit")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

const bodyOf = (values: Values, version: number) => ({
  internalContactAt: zonedToIso(values.internalContactAt),
  internalContactUserId: values.internalContactUserId ? Number(values.internalContactUserId) : null,
  version,
});
