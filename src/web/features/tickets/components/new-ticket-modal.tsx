import "../i18n/index.ts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createTicketBody, type TicketArea } from "../../../../shared/tickets.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { companyToday } from "../../../app/format.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { ticketTypesQuery } from "../../../app/settings-lists.ts";
import { useDateValueError } from "../../../app/ui/date-field/date-time-field.tsx";
import { LocalizedDatesProvider } from "../../../app/ui/dates-provider.tsx";
import { ModalShell } from "../../../app/ui/modal-shell.tsx";
import { applyServerErrors, zodResolver } from "../../../app/zod-form.ts";
import { useCreateTicket } from "../api/tickets-api.ts";
import { NewTicketFields } from "./new-ticket-fields.tsx";
import { bodyOf, emptyTicket, TICKET_FIELDS, type TicketValues } from "./new-ticket-values.ts";

type Props = {
  area: TicketArea;
  code: number;
  categoryId: number;
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
};

/** "Novo atendimento": type (of this area only), subject, sector, product, due date, priority, channel, contact, first note. */
export function NewTicketModal({ opened, onClose, area, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={opened}
      onClose={onClose}
      size="xl"
      title={area === "production" ? t("tickets.create.titleProduction") : t("tickets.create.title")}
    >
      {
        <LocalizedDatesProvider>
          <NewTicketForm area={area} onDone={onClose} {...rest} />
        </LocalizedDatesProvider>
      }
    </ModalShell>
  );
}

function NewTicketForm({
  area,
  code,
  categoryId,
  onDone,
  onCreated,
}: Omit<Props, "opened" | "onClose"> & { onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateTicket(code, categoryId);
  const types = useQuery(ticketTypesQuery);
  const areaTypes = (types.data?.items ?? []).filter((type) => type.area === area && type.isActive);
  const [alert, setAlert] = useState<string | null>(null);
  const dateError = useDateValueError();
  const form = useForm<TicketValues>({
    initialValues: emptyTicket(),
    validate: (values) => {
      const found = zodResolver(createTicketBody)(bodyOf(values, area));
      if (!values.typeId) found.typeId = t("tickets.create.pickType");
      if (!values.sectorId) found.sectorId = t("tickets.create.pickSector");
      const due = dateError(values.dueAt, true, companyToday());
      if (due) found.dueAt = due;
      return found;
    },
  });

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createTicketBody.parse(bodyOf(values, area)), {
      onSuccess: (ticket) => {
        notifySuccess(t("tickets.create.created", { number: ticket.number }));
        onCreated();
        onDone();
      },
      onError: (error) => {
        const onFields = isApiError(error) && applyServerErrors(error, TICKET_FIELDS, form.setFieldError);
        if (!onFields) setAlert(errorMessage(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        {types.isSuccess && areaTypes.length === 0 && <Alert color="yellow">{t("tickets.create.noTypes")}</Alert>}
        <NewTicketFields form={form} types={areaTypes} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("tickets.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
