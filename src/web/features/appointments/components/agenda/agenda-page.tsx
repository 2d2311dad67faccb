import "../../i18n/index.ts";
import { Alert, Button, Group, Loader, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Appointment, updateAppointmentBody } from "../../../../../shared/appointments.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage, useServerText } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { agendaQuery, assigneesQuery, useUpdateAppointment } from "../../api/appointments-api.ts";
import { type AppointmentAction, AppointmentDialogs, closedDialog, type OpenDialog } from "../appointment-dialogs.tsx";
import { formatWhen, moveBody, windowOf } from "../appointment-time.ts";
import { notifyOverlaps } from "../overlaps.tsx";
import { AgendaCalendar, type CalendarMoveArg } from "./agenda-calendar.tsx";
import { CalendarFeedModal } from "./calendar-feed-modal.tsx";

type Scope = "mine" | "all";

/**
 * /agenda: my appointments, or everyone's that I may see (optionally one responsible user's), by
 * week or month. Drag or resize to reschedule: the server may refuse (past, done, locked by
 * someone, changed meanwhile) and the event goes back with the reason.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const texts = useServerText();
  const [scope, setScope] = useState<Scope>("mine");
  const [assignedUserId, setAssignedUserId] = useState<string | null>(null);
  const [range, setRange] = useState<{ startStr: string; endStr: string } | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(closedDialog);
  const [feedOpened, setFeedOpened] = useState(false);
  const assignees = useQuery({ ...assigneesQuery, enabled: scope === "all" });
  const agenda = useQuery({
    ...agendaQuery({
      ...(range ? windowOf(range) : { from: "", to: "" }),
      mine: scope === "mine",
      assignedUserId: assignedUserId ? Number(assignedUserId) : null,
    }),
    enabled: range !== null,
    // The previous window stays on screen while the next one loads: no empty flash on "next week".
    placeholderData: keepPreviousData,
  });
  const update = useUpdateAppointment();

  const open = (action: AppointmentAction, appointment: Appointment) =>
    setDialog({ action, appointment, opened: true });

  /** 409/423 carry the server's reason (past, done, locked by whom); 412: someone saved first. */
  const refusal = (error: unknown) => {
    if (isApiError(error) && error.status === 412) return t("appointments.agenda.stale");
    if (isApiError(error) && error.fieldIssues.length > 0) {
      return error.fieldIssues.map((issue) => texts.issue(issue, error)).join("; ");
    }
    if (isApiError(error) && (error.status === 409 || error.status === 423)) return texts.server(error);
    return errorMessage(error);
  };

  const onMove = (arg: CalendarMoveArg, appointment: Appointment) => {
    const { event } = arg;
    const body = moveBody(
      { allDay: event.allDay, startStr: event.startStr, endStr: event.endStr },
      appointment.version,
    );
    const parsed = updateAppointmentBody.safeParse(body);
    if (!parsed.success) {
      arg.revert();
      return;
    }
    update.mutate(
      { appointment, body: parsed.data },
      {
        onSuccess: (saved) => {
          notifySuccess(t("appointments.agenda.moved", { when: formatWhen(saved) }));
          notifyOverlaps(t, saved);
        },
        onError: (error) => {
          arg.revert();
          notifyError(t("appointments.agenda.moveFailed"), refusal(error));
        },
      },
    );
  };

  const items = agenda.data?.items ?? [];
  return (
    <Stack gap="sm">
      <PageHeader
        title={t("appointments.agenda.title")}
        action={
          <Button variant="light" onClick={() => setFeedOpened(true)}>
            {t("appointments.agenda.subscribe")}
          </Button>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t("appointments.agenda.scope")}
          value={scope}
          onChange={(value) => setScope(value as Scope)}
          data={[
            { value: "mine", label: t("appointments.agenda.mine") },
            { value: "all", label: t("appointments.agenda.all") },
          ]}
        />
        {scope === "all" && assignees.data && (
          <Select
            label={t("appointments.agenda.responsible")}
            placeholder={t("appointments.agenda.anyone")}
            data={assignees.data.items.map((u) => ({ value: String(u.id), label: u.name }))}
            value={assignedUserId}
            onChange={setAssignedUserId}
            clearable
            searchable
            w={280}
          />
        )}
        {(agenda.isFetching || update.isPending) && <Loader size="sm" aria-label={t("appointments.agenda.loading")} />}
      </Group>
      <Text size="sm" c="dimmed">
        {t("appointments.agenda.readOnlyHint")}
      </Text>
      {agenda.isError && <QueryError error={agenda.error} onRetry={() => void agenda.refetch()} />}
      {agenda.data?.truncated && <Alert color="yellow">{t("appointments.agenda.truncated")}</Alert>}
      <AgendaCalendar
        appointments={items}
        onRange={setRange}
        onMove={onMove}
        onOpen={(appointment) => open("details", appointment)}
      />
      <AppointmentDialogs
        code={null}
        categoryId={null}
        dialog={dialog}
        onOpen={open}
        onClose={() => setDialog((d) => ({ ...d, opened: false }))}
      />
      <CalendarFeedModal opened={feedOpened} onClose={() => setFeedOpened(false)} />
    </Stack>
  );
}
