import "../i18n/index.ts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Appointment,
  type AppointmentWithOverlaps,
  createAppointmentBody,
  updateAppointmentBody,
} from "../../../../shared/appointments.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useMe } from "../../../app/auth.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { useDateValueError } from "../../../app/ui/date-field/date-time-field.tsx";
import { LocalizedDatesProvider } from "../../../app/ui/dates-provider.tsx";
import { ModalShell } from "../../../app/ui/modal-shell.tsx";
import { applyServerErrors, zodResolver } from "../../../app/zod-form.ts";
import { appointmentTypesQuery, useCreateAppointment, useUpdateAppointment } from "../api/appointments-api.ts";
import { AppointmentFields } from "./appointment-fields.tsx";
import {
  API_FIELDS,
  type AppointmentValues,
  bodyOf,
  emptyAppointment,
  FIELD_OF,
  updateBodyOf,
  valuesOf,
} from "./appointment-values.ts";
import { notifyOverlaps } from "./overlaps.tsx";
import { useAppointmentErrors } from "./use-appointment-errors.ts";

type Props = {
  /** null: a new appointment of the person `code`. */
  appointment: Appointment | null;
  code: number;
  categoryId: number | null;
  opened: boolean;
  onClose: () => void;
  onSaved?: (saved: AppointmentWithOverlaps) => void;
};

/** "Novo agendamento" and "Editar": type, when (or all day), subject, place, product, ticket, responsible, description. */
export function AppointmentFormModal({ appointment, opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        appointment
          ? t("appointments.form.editTitle", { subject: appointment.subject })
          : t("appointments.form.newTitle")
      }
    >
      {
        <LocalizedDatesProvider>
          {appointment ? (
            <EditForm appointment={appointment} onDone={onClose} onSaved={rest.onSaved} />
          ) : (
            <NewForm code={rest.code} categoryId={rest.categoryId} onDone={onClose} onSaved={rest.onSaved} />
          )}
        </LocalizedDatesProvider>
      }
    </ModalShell>
  );
}

/** Server and schema messages land on the form field that shows them (addressId/remote → Local). */
const fieldSetter = (setFieldError: (field: string, message: string) => void) => (field: string, message: string) =>
  setFieldError(FIELD_OF[field] ?? field, message);

type DateError = (value: string | null | undefined, withTime?: boolean) => string | null;
type Required = { pickType: string; pickStart: string; dateError: DateError };

function validator(messages: Required, schema: Parameters<typeof zodResolver>[0]) {
  return (body: unknown, values: AppointmentValues) => {
    const found: Record<string, string> = {};
    for (const [field, message] of Object.entries(zodResolver(schema)(body))) {
      found[FIELD_OF[field] ?? field] ??= String(message);
    }
    if (!values.typeId) found.typeId = messages.pickType;
    if (!values.startsAt) found.startsAt = messages.pickStart;
    // A typed text that is no date says why (31/02, 25:00…) instead of the schema's generic message.
    for (const field of ["startsAt", "endsAt"] as const) {
      const problem = messages.dateError(values[field], !values.allDay);
      if (problem) found[field] = problem;
    }
    return found;
  };
}

const required = (
  t: (key: "appointments.form.pickType" | "appointments.form.pickStart") => string,
  dateError: DateError,
): Required => ({
  pickType: t("appointments.form.pickType"),
  pickStart: t("appointments.form.pickStart"),
  dateError,
});

function NewForm({
  code,
  categoryId,
  onDone,
  onSaved,
}: {
  code: number;
  categoryId: number | null;
  onDone: () => void;
  onSaved?: Props["onSaved"];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const create = useCreateAppointment(code, categoryId);
  const types = useQuery(appointmentTypesQuery);
  const [alert, setAlert] = useState<string | null>(null);
  const dateError = useDateValueError();
  const check = validator(required(t, dateError), createAppointmentBody);
  const form = useForm<AppointmentValues>({
    initialValues: emptyAppointment(me.user.id),
    validate: (values) => check(bodyOf(values), values),
  });
  const noTypes = types.isSuccess && !types.data.items.some((x) => x.isActive);

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createAppointmentBody.parse(bodyOf(values)), {
      onSuccess: (saved) => {
        notifySuccess(t("appointments.form.created", { subject: saved.subject }));
        notifyOverlaps(t, saved);
        onSaved?.(saved);
        onDone();
      },
      onError: (error) => {
        const onFields = isApiError(error) && applyServerErrors(error, API_FIELDS, fieldSetter(form.setFieldError));
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
        {noTypes && <Alert color="yellow">{t("appointments.form.noTypes")}</Alert>}
        <AppointmentFields form={form} code={code} categoryId={categoryId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("appointments.form.submitNew")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({
  appointment,
  onDone,
  onSaved,
}: {
  appointment: Appointment;
  onDone: () => void;
  onSaved?: Props["onSaved"];
}) {
  const { t } = useTranslation();
  const update = useUpdateAppointment();
  const errors = useAppointmentErrors(appointment);
  const [initial] = useState(() => valuesOf(appointment));
  const dateError = useDateValueError();
  const check = validator(required(t, dateError), updateAppointmentBody);
  const form = useForm<AppointmentValues>({
    initialValues: initial,
    validate: (values) => {
      const found = check(updateBodyOf(values, initial, errors.version), values);
      // "Nothing to change" is not an error of a field: saving unchanged just closes.
      delete found[""];
      return found;
    },
  });

  const submit = form.onSubmit((values) => {
    errors.clearAlert();
    const body = updateBodyOf(values, initial, errors.version);
    if (Object.keys(body).length === 1) {
      onDone();
      return;
    }
    update.mutate(
      { appointment, body: updateAppointmentBody.parse(body) },
      {
        onSuccess: (saved) => {
          notifySuccess(t("appointments.form.saved", { subject: saved.subject }));
          notifyOverlaps(t, saved);
          onSaved?.(saved);
          onDone();
        },
        onError: (error) => void errors.onError(error, API_FIELDS, fieldSetter(form.setFieldError)),
      },
    );
  });

  const a = errors.current;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors.alert && (
          <Alert color="red" role="alert">
            {errors.alert}
          </Alert>
        )}
        <AppointmentFields
          form={form}
          code={a.person.code}
          categoryId={null}
          known={{
            type: a.type,
            product: a.product,
            ticket: a.ticket,
            address: a.address,
            assignedUser: a.assignedUser,
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("appointments.form.submitEdit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
