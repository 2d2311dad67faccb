import "../../i18n/index.ts";
import { ActionIcon, Button, Fieldset, Group, Input, Radio, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { maskPhone } from "../masks.ts";
import { type PersonValues, rowKey } from "./person-values.ts";

type Kind = "emails" | "phones";

/** The legend looks like the other fields' labels. */
const LEGEND_STYLES = {
  legend: { fontSize: "var(--mantine-font-size-sm)", fontWeight: "var(--mantine-font-weight-medium)", padding: 0 },
} as const;

/**
 * The person's e-mails or phones: add and remove rows, exactly one main (the radio). Removing the
 * main one passes the flag to the first row left, as the server would.
 */
export function ContactList({ form, kind }: { form: UseFormReturnType<PersonValues>; kind: Kind }) {
  const { t } = useTranslation();
  const rows = form.getValues()[kind];
  const labels = kind === "emails" ? t("person.form.emails") : t("person.form.phones");
  const rowLabel = (n: number) => t(kind === "emails" ? "person.form.emailN" : "person.form.phoneN", { n });
  const field = kind === "emails" ? "address" : "number";

  const add = () => {
    const isMain = rows.length === 0;
    if (kind === "emails") form.insertListItem("emails", { key: rowKey(), address: "", isMain });
    else form.insertListItem("phones", { key: rowKey(), number: "", isMain });
  };
  const remove = (index: number) => {
    const wasMain = rows[index]?.isMain ?? false;
    form.removeListItem(kind, index);
    if (wasMain && rows.length > 1) form.setFieldValue(`${kind}.0.isMain`, true);
  };
  const makeMain = (index: number) => {
    for (const [i] of rows.entries()) form.setFieldValue(`${kind}.${i}.isMain`, i === index);
  };
  const listError = form.errors[kind];

  return (
    <Fieldset legend={labels} variant="unstyled" p={0} styles={LEGEND_STYLES}>
      <Stack gap="xs" mt={4}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {kind === "emails" ? t("person.form.noEmails") : t("person.form.noPhones")}
          </Text>
        )}
        {rows.map((row, index) => {
          const path = `${kind}.${index}.${field}`;
          const props = form.getInputProps(path);
          return (
            <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                aria-label={rowLabel(index + 1)}
                type={kind === "emails" ? "email" : "tel"}
                placeholder={kind === "emails" ? "nome@empresa.com.br" : "(11) 91234-5678"}
                autoComplete="off"
                {...props}
                onChange={(event) =>
                  form.setFieldValue(
                    path,
                    kind === "phones" ? maskPhone(event.currentTarget.value) : event.currentTarget.value,
                  )
                }
              />
              <Radio
                mt={8}
                label={t("person.form.main")}
                aria-label={t("person.form.mainOf", { item: rowLabel(index + 1) })}
                checked={row.isMain}
                onChange={() => makeMain(index)}
              />
              <ActionIcon
                mt={4}
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("person.form.removeItem", { item: rowLabel(index + 1) })}
                onClick={() => remove(index)}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <div>
          <Button variant="light" size="xs" onClick={add}>
            {kind === "emails" ? t("person.form.addEmail") : t("person.form.addPhone")}
          </Button>
        </div>
        {listError && <Input.Error>{listError}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
