import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { formatDocument, formatPhone, phoneTelUri } from "../../../../../shared/brazil.ts";
import type { Person } from "../../../../../shared/persons.schemas.ts";
import { useMe } from "../../../../app/auth.ts";
import { usePageTitle } from "../../../../app/page-title.ts";
import { PersonMailSlot } from "../../../mail/components/person-mail-slot.tsx";
import { WatchControlsSlot } from "../../../watchers/slot.tsx";
import { canEditPerson } from "../../access.ts";
import { formatPersonCode } from "../../person-code.ts";

const EditPersonModal = lazy(() =>
  import("../form/edit-person-modal.tsx").then((m) => ({ default: m.EditPersonModal })),
);

/** Code, name, short name, CPF/CNPJ, kind, characteristics, main e-mail and phone; "Editar". */
export function PersonHeader({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, { open, close }] = useDisclosure(false);
  const code = formatPersonCode(person.code);
  usePageTitle(`${code} · ${person.name}`);
  const mainEmail = person.emails.find((e) => e.isMain) ?? person.emails[0];
  const mainPhone = person.phones.find((p) => p.isMain) ?? person.phones[0];
  const tel = mainPhone ? phoneTelUri(mainPhone.number) : null;
  const canEdit = canEditPerson(
    me,
    person.categories.map((c) => c.id),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-name">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: "1 1 420px" }}>
          <Group gap="sm" wrap="nowrap" align="baseline">
            <Text ff="monospace" fw={600} c="dimmed" size="lg" title={t("person.code")}>
              {code}
            </Text>
            <Title id="person-name" order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
              {person.name}
            </Title>
          </Group>
          <Group gap="xs" c="dimmed" fz="sm">
            {person.shortName && <Text size="sm">{person.shortName}</Text>}
            {person.document && (
              <Text size="sm" ff="monospace" title={person.document.length === 11 ? "CPF" : "CNPJ"}>
                {formatDocument(person.document)}
              </Text>
            )}
            <Text size="sm">{t(`person.kind.${person.kind}`)}</Text>
            {!person.isActive && (
              <Badge color="gray" variant="filled">
                {t("person.inactive")}
              </Badge>
            )}
          </Group>
          {person.characteristics.length > 0 && (
            <Group gap={6} aria-label={t("person.characteristics")} role="list">
              {person.characteristics.map((c) => (
                <Badge key={c.id} role="listitem" color={c.color} autoContrast variant="filled">
                  {c.name}
                </Badge>
              ))}
            </Group>
          )}
          <Group gap="lg" fz="sm">
            {mainEmail && (
              <Anchor href={`mailto:${mainEmail.address}`} size="sm" title={t("person.mainEmail")}>
                {mainEmail.address}
              </Anchor>
            )}
            {mainPhone &&
              (tel ? (
                <Anchor href={tel} size="sm" title={t("person.mainPhone")}>
                  {formatPhone(mainPhone.number)}
                </Anchor>
              ) : (
                <Text size="sm">{formatPhone(mainPhone.number)}</Text>
              ))}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Group gap="xs" data-slot="person-actions">
            {/* Critical-factors badge and Spy System eye, then Enviar e-mail / E-mails: each loads its own chunk. */}
            <WatchControlsSlot code={person.code} name={person.name} />
            <PersonMailSlot person={person} />
          </Group>
          {canEdit && (
            <Button variant="default" onClick={open}>
              {t("person.edit")}
            </Button>
          )}
        </Group>
      </Group>
      {editing && (
        <Suspense fallback={null}>
          <EditPersonModal person={person} opened={editing} onClose={close} />
        </Suspense>
      )}
    </Card>
  );
}
