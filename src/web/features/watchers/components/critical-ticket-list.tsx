import "../i18n/index.ts";
import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CriticalTicket, SectorCounts } from "../../../../shared/critical-factors.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatPersonCode, personPath, ticketPersonPath } from "../../../app/paths.ts";

export const LEVEL_COLOR = { critical: "red", attention: "yellow" } as const;

/** "6 dias em atraso", "vence hoje", "vence em 2 dias". */
export function useDueText() {
  const { t } = useTranslation();
  return (days: number) =>
    days > 0
      ? t("critical.overdueDays", { count: days })
      : days === 0
        ? t("critical.dueToday")
        : t("critical.dueInDays", { count: -days });
}

function TicketLine({ ticket, timeZone, onOpen }: { ticket: CriticalTicket; timeZone: string; onOpen?: () => void }) {
  const { t } = useTranslation();
  const dueText = useDueText();
  const label = t(`critical.ticket.${ticket.area}`, { number: ticket.number });
  return (
    <Stack component="li" gap={2} aria-label={`${label}: ${ticket.subject}`}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Badge
          color={LEVEL_COLOR[ticket.level]}
          variant={ticket.level === "critical" ? "filled" : "light"}
          miw={90}
          style={{ flexShrink: 0 }}
        >
          {t(`critical.level.${ticket.level}`)}
        </Badge>
        <Anchor component={Link} to={ticketPersonPath(ticket)} onClick={onOpen} fw={500} style={{ flexShrink: 0 }}>
          {label}
        </Anchor>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {ticket.subject}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" pl={98}>
        {t("critical.dueAt", { date: formatDateTime(ticket.dueAt, timeZone) })} · {dueText(ticket.daysOverdue)} ·{" "}
        {ticket.responsible
          ? t("critical.responsible", { name: ticket.responsible.name })
          : t("critical.noResponsible")}
      </Text>
    </Stack>
  );
}

const listStyle = { listStyle: "none", margin: 0, padding: 0 } as const;

/**
 * Tickets grouped by sector (each with its counts) and, with `byPerson`, by person inside a sector
 * — the order the server sends them in (sector, person, due).
 */
export function CriticalTicketList({
  items,
  sectors,
  timeZone,
  byPerson = false,
  onOpen,
}: {
  items: CriticalTicket[];
  sectors: SectorCounts[];
  timeZone: string;
  byPerson?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const counts = new Map(sectors.map((s) => [s.sector.id, s]));
  const groups: { sectorId: number; name: string; tickets: CriticalTicket[] }[] = [];
  for (const ticket of items) {
    let group = groups.find((g) => g.sectorId === ticket.sector.id);
    if (!group) {
      group = { sectorId: ticket.sector.id, name: ticket.sector.name, tickets: [] };
      groups.push(group);
    }
    group.tickets.push(ticket);
  }
  if (!byPerson) groups.sort((a, b) => a.name.localeCompare(b.name, "pt-BR"));
  return (
    <Stack gap="lg">
      {groups.map((group) => {
        const c = counts.get(group.sectorId);
        const persons: { code: number; name: string; tickets: CriticalTicket[] }[] = [];
        for (const ticket of group.tickets) {
          const last = persons.at(-1);
          if (byPerson && last?.code === ticket.person.code) last.tickets.push(ticket);
          else persons.push({ code: ticket.person.code, name: ticket.person.name, tickets: [ticket] });
        }
        const ordered = byPerson
          ? persons
          : [
              {
                code: 0,
                name: "",
                tickets: [...group.tickets].sort((a, b) => (a.level === b.level ? 0 : a.level === "critical" ? -1 : 1)),
              },
            ];
        return (
          <Stack
            key={group.sectorId}
            component="section"
            gap="xs"
            aria-label={t("critical.sectorLabel", { name: group.name })}
          >
            <Group justify="space-between" align="baseline">
              <Title order={3} size="h5">
                {group.name}
              </Title>
              {c && (
                <Text size="sm" c="dimmed">
                  {t("critical.criticalCount", { count: c.critical })} ·{" "}
                  {t("critical.attentionCount", { count: c.attention })}
                </Text>
              )}
            </Group>
            {ordered.map((person) => (
              <Stack key={person.code} gap={4} pl={byPerson ? "sm" : 0}>
                {byPerson && (
                  <Anchor component={Link} to={personPath(person.code)} size="sm" fw={600}>
                    {formatPersonCode(person.code)} · {person.name}
                  </Anchor>
                )}
                <Stack component="ul" gap={6} style={listStyle}>
                  {person.tickets.map((ticket) => (
                    <TicketLine key={ticket.id} ticket={ticket} timeZone={timeZone} {...(onOpen ? { onOpen } : {})} />
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
