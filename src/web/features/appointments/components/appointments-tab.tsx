import "../i18n/index.ts";
import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment, AppointmentStatus } from "../../../../shared/appointments.schemas.ts";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { personAppointmentsQuery } from "../api/appointments-api.ts";
import { AppointmentCard } from "./appointment-card.tsx";
import { type AppointmentAction, AppointmentDialogs, closedDialog, type OpenDialog } from "./appointment-dialogs.tsx";

export type AppointmentsTabProps = { code: number; categoryId: number; canWrite: boolean };

/**
 * Agendamentos of the person: open or done, soonest first; those already over and the deleted
 * ones only when asked ("Mostrar anteriores", "Mostrar excluídos"). Create, details, edit, mark
 * done, lock/unlock and delete, each as the server allows it for this user right now.
 */
export function AppointmentsTab({ code, categoryId, canWrite }: AppointmentsTabProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [status, setStatus] = useState<AppointmentStatus>("open");
  const [includePast, setIncludePast] = useState(false);
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const list = useInfiniteQuery({
    ...personAppointmentsQuery(code, categoryId, { status, includePast, includeDeleted }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<OpenDialog>(closedDialog);
  const open = (action: AppointmentAction, appointment: Appointment | null = null) =>
    setDialog({ action, appointment, opened: true });
  const close = () => setDialog((d) => ({ ...d, opened: false }));

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title id={titleId} order={2} size="h4">
          {t("appointments.title")}
        </Title>
        {canWrite && <Button onClick={() => open("new")}>{t("appointments.new")}</Button>}
      </Group>
      <Group gap="lg" mb="sm" align="center" wrap="wrap">
        <SegmentedControl
          aria-label={t("appointments.statusFilter")}
          value={status}
          onChange={(value) => setStatus(value as AppointmentStatus)}
          data={[
            { value: "open", label: t("appointments.statuses.open") },
            { value: "done", label: t("appointments.statuses.done") },
          ]}
        />
        <Checkbox
          label={t("appointments.showPast")}
          checked={includePast}
          onChange={(event) => setIncludePast(event.currentTarget.checked)}
        />
        <Checkbox
          label={t("appointments.showDeleted")}
          checked={includeDeleted}
          onChange={(event) => setIncludeDeleted(event.currentTarget.checked)}
        />
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Stack gap={2} py="md">
          <Text c="dimmed">{t(`appointments.empty.${status}`)}</Text>
          {!(includePast && includeDeleted) && (
            <Text c="dimmed" size="sm">
              {t("appointments.emptyHint")}
            </Text>
          )}
        </Stack>
      )}
      {items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: "none", opacity: list.isPlaceholderData ? 0.6 : 1 }}
          aria-busy={list.isPlaceholderData}
          aria-label={t("appointments.listLabel")}
        >
          {items.map((appointment) => (
            <AppointmentCard
              key={appointment.id}
              appointment={appointment}
              onAction={(action) => open(action, appointment)}
            />
          ))}
        </Stack>
      )}
      <LoadMore pages={list} />
      <AppointmentDialogs
        code={code}
        categoryId={categoryId}
        dialog={dialog}
        onOpen={open}
        onClose={close}
        onSaved={() => setStatus("open")}
      />
    </section>
  );
}
