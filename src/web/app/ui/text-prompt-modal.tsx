import { Alert, Button, Checkbox, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ModalShell } from "./modal-shell.tsx";

/** What a prompt holds: its text and, when it has one, its checkbox. */
export type PromptValues = { text: string; option: boolean };

type ModalProps = { opened: boolean; onClose: () => void; title: string; children: ReactNode };

/**
 * A small dialog that asks for one text (a note, a reason, a new subject, what happened) and
 * sends it: the ModalShell whose content is a TextPromptForm, mounted per opening. The caller's
 * small component around the form holds what changes per record (the error hook, the mutation).
 */
export function TextPromptModal({ opened, onClose, title, children }: ModalProps) {
  return (
    <ModalShell opened={opened} onClose={onClose} size="lg" title={title}>
      {children}
    </ModalShell>
  );
}

type FormProps = {
  /** What the prompt is about (the ticket's subject, the appointment's time), above the field. */
  context?: ReactNode;
  /** Why the last attempt failed, already in the user's language. */
  alert: string | null;
  alertTitle?: string;
  /** The text, named as the API names it, so the server's and the schema's messages land on it. */
  field: string;
  label: string;
  description?: string;
  initialValue?: string;
  /** A growing text area (rows) instead of a one-line input. */
  multiline?: { minRows: number; maxRows: number };
  maxLength?: number;
  /** One checkbox beside the text ("encerrar", "registrar como parecer"), named as the API names it. */
  option?: { field: string; label: string; description?: string; initialValue: boolean };
  /** More of the form below the text and checkbox (the files of a parecer). */
  extra?: ReactNode;
  /** The errors by field (a zodResolver's answer, plus what the form itself requires). */
  validate: (values: PromptValues) => FormErrors;
  submitLabel: string | ((values: PromptValues) => string);
  submitColor?: (values: PromptValues) => string | undefined;
  pending: boolean;
  onSubmit: (values: PromptValues, setFieldError: (field: string, message: string) => void) => void;
  onCancel: () => void;
};

/** The prompt itself: context, the alert, the text (and checkbox), Cancel and the action. */
export function TextPromptForm({
  context,
  alert,
  alertTitle,
  field,
  label,
  description,
  initialValue = "",
  multiline,
  maxLength,
  option,
  extra,
  validate,
  submitLabel,
  submitColor,
  pending,
  onSubmit,
  onCancel,
}: FormProps) {
  const { t } = useTranslation();
  const valuesOf = (form: Record<string, unknown>): PromptValues => ({
    text: String(form[field] ?? ""),
    option: option ? form[option.field] === true : false,
  });
  const form = useForm<Record<string, unknown>>({
    initialValues: { [field]: initialValue, ...(option ? { [option.field]: option.initialValue } : {}) },
    validate: (values) => validate(valuesOf(values)),
  });
  const values = valuesOf(form.values);
  const text = {
    label,
    description,
    withAsterisk: true,
    maxLength,
    "data-autofocus": true,
    ...form.getInputProps(field),
  };

  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(valuesOf(v), form.setFieldError))} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert" title={alertTitle}>
            {alert}
          </Alert>
        )}
        {context}
        {multiline ? (
          <Textarea autosize minRows={multiline.minRows} maxRows={multiline.maxRows} {...text} />
        ) : (
          <TextInput autoComplete="off" {...text} />
        )}
        {option && (
          <Checkbox
            label={option.label}
            description={option.description}
            {...form.getInputProps(option.field, { type: "checkbox" })}
          />
        )}
        {extra}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color={submitColor?.(values)} loading={pending}>
            {typeof submitLabel === "string" ? submitLabel : submitLabel(values)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
