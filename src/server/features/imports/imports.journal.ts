import type { EventArea, EventType } from "../../../shared/journal.ts";
import type { AppContext } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { currentActor, journalEnabled } from "../audit/actor.ts";
import { type Change, type EventSpec, type PersonRef, recordChanges, recordEvents } from "../audit/journal.ts";
import { type Column, selectByKeys, type Value, type WrittenRow } from "./bulk.repository.ts";

/**
 * The imports' journal: one audit row per row written (the run named as its actor, the fields
 * before and after by the API's names), held with the batch's transaction and written at its end
 * in one insert, and domain events per person and batch (not per row: a nightly sync of a million
 * receivables must not become a million events). A batch touching more persons than
 * PERSON_EVENTS_MAX says so with one event for no person in particular: screens of that tab
 * refetch.
 */
const PERSON_EVENTS_MAX = 200;

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Names of the columns as the API spells them (external_id → externalId), computed once per list. */
const names = new WeakMap<Column[], string[]>();
export function fieldsOf(columns: Column[], values: Value[] | null): Record<string, Value> | null {
  if (!values) return null;
  let list = names.get(columns);
  if (!list) {
    list = columns.map((c) => camel(c.name));
    names.set(columns, list);
  }
  const out: Record<string, Value> = {};
  for (let i = 0; i < list.length; i++) out[list[i] as string] = values[i] ?? null;
  return out;
}

/** An array to collect written rows in, or undefined when the journal is off (the benchmark's baseline). */
export const collector = (): WrittenRow[] | undefined => (journalEnabled() ? [] : undefined);

/** Person id → code of these persons, in one query. */
export async function personCodes(ctx: AppContext, trx: Trx, ids: (number | null)[]): Promise<Map<number, number>> {
  const rows = await selectByKeys(ctx, trx, "persons", { name: "id", pg: "int4" }, ["code"], ids);
  const out = new Map<number, number>();
  for (const [id, row] of rows) out.set(Number(id), Number(row.code));
  return out;
}

export type JournalOptions = {
  entity: string;
  columns: Column[];
  /** Where the person's id is among `columns` (and a second one: a commission's customer beside its seller). */
  personAt: number[];
  events: { inserted: EventType; updated: EventType; area: EventArea };
  /** Extra fields of a row (a commission entry's items), before and after. */
  extra?: (row: WrittenRow) => { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

/** Journals the rows a batch wrote (see above). */
export async function journalWritten(
  ctx: AppContext,
  trx: Trx,
  written: WrittenRow[] | undefined,
  o: JournalOptions,
): Promise<void> {
  if (!written?.length) return;
  const ids = written.flatMap((w) => o.personAt.map((i) => w.after[i] as number | null));
  const codes = await personCodes(ctx, trx, ids);
  const ref = (id: number | null | undefined): PersonRef | null => {
    const code = id == null ? undefined : codes.get(id);
    return code === undefined || id == null ? null : { id, code };
  };
  const changes: Change[] = [];
  const touched = new Map<string, EventSpec>();
  const importRunId = currentActor().importRunId;
  const refs: Record<string, number> = importRunId === null ? {} : { importRunId };
  for (const w of written) {
    const extra = o.extra?.(w);
    const person = ref(w.after[o.personAt[0] as number] as number | null);
    changes.push({
      entity: o.entity,
      id: w.id,
      action: w.before ? "update" : "create",
      person,
      before: w.before ? { ...fieldsOf(o.columns, w.before), ...extra?.before } : null,
      after: { ...fieldsOf(o.columns, w.after), ...extra?.after },
    });
    const type = w.before ? o.events.updated : o.events.inserted;
    for (const at of o.personAt) {
      const p = ref(w.after[at] as number | null);
      if (p) touched.set(`${type}:${p.id}`, { type, area: o.events.area, refs, person: p });
    }
  }
  recordChanges(trx, ctx, changes);
  const events = [...touched.values()];
  if (events.length <= PERSON_EVENTS_MAX) recordEvents(trx, ctx, events);
  else {
    const types = [...new Set(events.map((e) => e.type))];
    recordEvents(
      trx,
      ctx,
      types.map((type) => ({ type, area: o.events.area, refs, person: null })),
    );
  }
}
