import "../i18n/index.ts";
import { Anchor, Badge, Button, Card, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDocument, formatPhone, phoneTelUri } from "../../../../shared/brazil.ts";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { canEditPerson } from "../../../app/access.ts";
import { useMe } from "../../../app/auth.ts";
import { lazyNamed } from "../../../app/lazy.ts";
import { usePageTitle } from "../../../app/page-title.ts";
import { formatPersonCode } from "../../../app/paths.ts";
import { HeaderAction, HeaderActionsMode, HeaderMenuSlot } from "../../../app/ui/header-actions.tsx";

const EditPersonModal = lazyNamed(() => import("./form/edit-person-modal.tsx"), "EditPersonModal");

/** Below this width the header's commands collapse into one "Ações" menu (a phone, a narrow tablet). */
const COMPACT = "(max-width: 48em)";

/**
 * Code, name, short name, CPF/CNPJ, kind, characteristics, main e-mail and phone; "Editar".
 * `status` and `commands` are the slots other features fill (the person screen, in app/, composes
 * them): the critical-factors badge and the Spy System eye always show in full; the commands
 * (Enviar e-mail, E-mails, and Editar) are buttons, or on a narrow screen items of one menu, so
 * nothing is clipped.
 */
export function PersonHeader({
  person,
  status,
  commands,
}: {
  person: Person;
  status?: ReactNode;
  commands?: ReactNode;
}) {
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
  // Read at the first render, so a phone never draws the wide header first.
  const compact = useMediaQuery(COMPACT, undefined, { getInitialValueInEffect: false });
  const [menuSlot, setMenuSlot] = useState<HTMLElement | null>(null);
  const edit = canEdit && <HeaderAction onClick={open}>{t("common.edit")}</HeaderAction>;

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
        {compact ? (
          <Group gap="xs" wrap="wrap" w="100%" data-slot="person-actions">
            {status}
            {/* The commands stay outside the dropdown (their dialogs with them); only their items go into it. */}
            <Menu position="bottom-end" withinPortal keepMounted>
              <Menu.Target>
                <Button variant="default" ml="auto">
                  {t("common.actions")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <div ref={setMenuSlot} style={{ display: "contents" }} />
                {canEdit && <Menu.Item onClick={open}>{t("common.edit")}</Menu.Item>}
              </Menu.Dropdown>
              <HeaderActionsMode value="menu">
                <HeaderMenuSlot value={menuSlot}>{commands}</HeaderMenuSlot>
              </HeaderActionsMode>
            </Menu>
          </Group>
        ) : (
          <Group gap="xs" wrap="wrap" justify="flex-end" data-slot="person-actions">
            {status}
            {commands}
            {edit}
          </Group>
        )}
      </Group>
      {editing && (
        <Suspense fallback={null}>
          <EditPersonModal person={person} opened={editing} onClose={close} />
        </Suspense>
      )}
    </Card>
  );
}
