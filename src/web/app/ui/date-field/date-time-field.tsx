import "./i18n/index.ts";
import { ActionIcon, Popover, TextInput } from "@mantine/core";
import { DatePicker } from "@mantine/dates";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type DateProblem,
  dateValueProblem,
  isWall,
  maskDateText,
  readDateText,
  wallToText,
  withDay,
} from "../../date-text.ts";
import { LocalizedDatesProvider } from "../dates-provider.tsx";

type WrapperPart = "label" | "input" | "description" | "error";

export type DateTimeFieldProps = {
  label: string;
  /** The form value: the company's wall clock ("YYYY-MM-DD[ HH:mm:00]"), the text while it is no date yet, or null. */
  value?: string | null;
  onChange: (value: string | null) => void;
  /** "dd/mm/aaaa hh:mm" (default) or "dd/mm/aaaa". */
  withTime?: boolean;
  /** The earliest day ("YYYY-MM-DD"): earlier ones are off in the calendar and refused when typed. */
  minDate?: string | null;
  /** The time a day picked in the calendar takes when none was typed. */
  defaultTime?: string;
  error?: ReactNode;
  description?: ReactNode;
  withAsterisk?: boolean;
  inputWrapperOrder?: WrapperPart[];
  onBlur?: () => void;
  onFocus?: () => void;
  "data-autofocus"?: boolean;
  // What @mantine/form's getInputProps also hands over, unused by a text field.
  defaultValue?: unknown;
  checked?: unknown;
  defaultChecked?: unknown;
};

function CalendarIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

/** A date problem in the interface's language (the form's validate and the field's own blur use it). */
export function useDateProblemMessage() {
  const { t } = useTranslation();
  return useCallback(
    (problem: DateProblem | null, withTime: boolean): string | null => {
      if (!problem) return null;
      switch (problem.reason) {
        case "incomplete":
          return withTime ? t("dateField.problems.incompleteDateTime") : t("dateField.problems.incompleteDate");
        case "month":
          return t("dateField.problems.month", problem.params);
        case "day":
          return t("dateField.problems.day", problem.params);
        case "year":
          return t("dateField.problems.year", problem.params);
        case "time":
          return t("dateField.problems.time", problem.params);
        case "before":
          return t("dateField.problems.before", problem.params);
      }
    },
    [t],
  );
}

/** For a form's validate: why the value is no date (null when empty or a date). */
export function useDateValueError() {
  const message = useDateProblemMessage();
  return useCallback(
    (value: string | null | undefined, withTime = true, minDate?: string | null) =>
      message(dateValueProblem(value, withTime, minDate), withTime),
    [message],
  );
}

/**
 * The one field for a date or a date and time, everywhere one is entered: typed as dd/mm/aaaa
 * [hh:mm] with a mask (digits only, the separators put in), the calendar one button away, and a
 * sentence saying what is wrong with an impossible date as soon as the field is left. Times are
 * the company's wall clock (format.ts turns them into instants), whatever the browser's zone.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  withTime = true,
  minDate,
  defaultTime = "09:00",
  error,
  onBlur,
  defaultValue: _defaultValue,
  checked: _checked,
  defaultChecked: _defaultChecked,
  ...rest
}: DateTimeFieldProps) {
  const { t } = useTranslation();
  const problemMessage = useDateProblemMessage();
  const [text, setText] = useState(() => wallToText(value, withTime));
  const [problem, setProblem] = useState<string | null>(null);
  const [calendar, setCalendar] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // What this field last handed the form: any other value came from outside (a reset, "dia
  // inteiro", the server's current data) and replaces the text.
  const sent = useRef<string | null>(value ?? null);
  useEffect(() => {
    if ((value ?? null) === sent.current) return;
    sent.current = value ?? null;
    setText(wallToText(value, withTime));
    setProblem(null);
  }, [value, withTime]);

  const send = (next: string | null) => {
    sent.current = next;
    onChange(next);
  };
  const onType = (raw: string) => {
    const masked = maskDateText(raw, withTime);
    setText(masked);
    setProblem(null);
    const reading = readDateText(masked, withTime, minDate);
    send("wall" in reading ? reading.wall : masked);
  };
  const onLeave = () => {
    const reading = readDateText(text, withTime, minDate);
    setProblem("problem" in reading ? problemMessage(reading.problem, withTime) : null);
    onBlur?.();
  };
  const onPick = (day: string | null) => {
    setCalendar(false);
    if (day) {
      const next = withDay(day, value, withTime, defaultTime);
      setText(wallToText(next, withTime));
      setProblem(null);
      send(next);
    }
    input.current?.focus();
  };

  const day = isWall(value) ? value.slice(0, 10) : null;
  return (
    <TextInput
      ref={input}
      label={label}
      value={text}
      onChange={(event) => onType(event.currentTarget.value)}
      onBlur={onLeave}
      error={error ?? problem}
      placeholder={withTime ? t("dateField.placeholderDateTime") : t("dateField.placeholderDate")}
      inputMode="numeric"
      autoComplete="off"
      maxLength={withTime ? 16 : 10}
      rightSectionPointerEvents="all"
      rightSectionWidth={40}
      rightSection={
        <Popover opened={calendar} onChange={setCalendar} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={32}
              aria-label={t("dateField.openCalendar")}
              aria-expanded={calendar}
              aria-haspopup="dialog"
              onClick={() => setCalendar((open) => !open)}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown aria-label={t("dateField.calendar", { label })}>
            <LocalizedDatesProvider>
              <DatePicker
                value={day}
                defaultDate={day ?? minDate ?? undefined}
                minDate={minDate ?? undefined}
                onChange={onPick}
              />
            </LocalizedDatesProvider>
          </Popover.Dropdown>
        </Popover>
      }
      {...rest}
    />
  );
}
