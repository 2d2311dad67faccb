import { formatDateTime } from "../../../shared/time-zone.ts";
import type { Config } from "../../config.ts";

/** The e-mails of the Spy System, in pt-BR plain text (the outbox derives the HTML part). */

export type WatchEvent = "created" | "note" | "closed" | "reopened";

export type EventFacts = {
  event: WatchEvent;
  personCode: number;
  personName: string;
  ticketNumber: number;
  subject: string;
  area: string;
  actorName: string | null;
  text: string;
  at: string;
};

const code = (n: number) => String(n).padStart(6, "0");
export const personLabel = (personCode: number, name: string) => `${code(personCode)} — ${name}`;

/** Where a watcher opens the person: the public address, or the one the server listens on. */
export function personLink(config: Pick<Config, "publicUrl" | "host" | "port">, personCode: number, area: string) {
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  return `${base}/pessoas/${code(personCode)}?aba=${area === "production" ? "producao" : "atendimentos"}`;
}

const ticketLabel = (area: string, number: number) =>
  area === "production" ? `Produção ${number}` : `Atendimento ${number}`;

const SUBJECT_EVENT: Record<WatchEvent, string> = {
  created: "novo atendimento",
  note: "novo parecer",
  closed: "encerrado",
  reopened: "reaberto",
};

function sentence(e: EventFacts): string {
  const who = e.actorName ?? "Alguém";
  const what = `${ticketLabel(e.area, e.ticketNumber).toLowerCase()} “${e.subject}”`;
  switch (e.event) {
    case "created":
      return `${who} abriu o ${what}`;
    case "note":
      return `${who} incluiu um parecer no ${what}`;
    case "closed":
      return `${who} encerrou o ${what}`;
    case "reopened":
      return `${who} reabriu o ${what}`;
  }
}

const FOOTER =
  "Você recebe este e-mail porque monitora esta pessoa no Vínculo (Spy System). Para parar, abra a pessoa e " +
  "clique em “Deixar de monitorar”; para receber um resumo por dia, mude a entrega no seu menu de usuário.";

/** One event, for a watcher who gets mail at once. */
export function eventMail(
  config: Pick<Config, "publicUrl" | "host" | "port">,
  timeZone: string,
  e: EventFacts,
): { subject: string; text: string } {
  const subject = `[Vínculo] ${ticketLabel(e.area, e.ticketNumber)} — ${SUBJECT_EVENT[e.event]} · ${personLabel(e.personCode, e.personName)}`;
  const text = [
    `Pessoa: ${personLabel(e.personCode, e.personName)}`,
    `${ticketLabel(e.area, e.ticketNumber)}: ${e.subject}`,
    "",
    `${sentence(e)} em ${formatDateTime(e.at, timeZone)}:`,
    "",
    indent(e.text),
    "",
    `Abrir: ${personLink(config, e.personCode, e.area)}`,
    "",
    "—",
    FOOTER,
  ].join("\n");
  return { subject, text };
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");

const DIGEST_TEXT_MAX = 600;

/** A day's events for a watcher on the daily digest, grouped by person. */
export function digestMail(
  config: Pick<Config, "publicUrl" | "host" | "port">,
  timeZone: string,
  day: string,
  events: EventFacts[],
): { subject: string; text: string } {
  const [y, m, d] = day.split("-");
  const date = `${d}/${m}/${y}`;
  const subject = `[Vínculo] Resumo do monitoramento de ${date} — ${events.length} ${events.length === 1 ? "evento" : "eventos"}`;
  const byPerson = new Map<number, EventFacts[]>();
  for (const e of events) byPerson.set(e.personCode, [...(byPerson.get(e.personCode) ?? []), e]);
  const sections = [...byPerson.values()].map((list) => {
    const first = list[0] as EventFacts;
    const lines = list.map((e) => {
      const text = e.text.length > DIGEST_TEXT_MAX ? `${e.text.slice(0, DIGEST_TEXT_MAX)}…` : e.text;
      return `• ${formatDateTime(e.at, timeZone).slice(11)} — ${sentence(e)}:\n${indent(text)}`;
    });
    return [
      `${personLabel(first.personCode, first.personName)}`,
      ...lines,
      `Abrir: ${personLink(config, first.personCode, first.area)}`,
    ].join("\n");
  });
  const text = [
    `O que aconteceu em ${date} com as pessoas que você monitora:`,
    "",
    sections.join("\n\n"),
    "",
    "—",
    FOOTER,
  ].join("\n");
  return { subject, text };
}
