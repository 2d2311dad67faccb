import type { Address, AddressInput } from "../../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { personByIdForTab, personForTab } from "../access/access.service.ts";
import { type Change, inTransaction, recordChange } from "../audit/journal.ts";
import { addressChanges, newAddressRow, toAddress } from "./addresses.mapping.ts";
import * as repo from "./addresses.repository.ts";

export async function listAddresses(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  category?: number,
): Promise<Address[]> {
  const { row } = await personForTab(ctx, user, code, "addresses", "read", category);
  return (await repo.listOfPerson(ctx.db, row.id)).map((r) => toAddress(r, row.code));
}

/**
 * The addresses of a person being created, in the caller's transaction (persons.write.service.ts):
 * the caller has settled which one is main.
 */
export async function addAddresses(
  trx: Executor,
  personId: number,
  addresses: (AddressInput & { isMain: boolean })[],
  now: string,
): Promise<void> {
  await repo.insertAddresses(
    trx,
    addresses.map((a) => newAddressRow(personId, a, now)),
  );
}

/**
 * One main address per person: making one main demotes the others; the first one is main.
 * When the main was just unmarked (`unmarkedId`), the flag goes to another address if there is one.
 */
async function settleMain(db: Executor, personId: number, mainId: number | null, unmarkedId?: number) {
  if (mainId !== null) {
    await repo.unmarkOtherMains(db, personId, mainId);
    return;
  }
  const rows = await repo.listOfPerson(db, personId);
  if (rows.length && !rows.some((r) => r.is_main === 1)) {
    const first = rows.find((r) => r.id !== unmarkedId) ?? rows[0];
    if (first) await repo.markMain(db, first.id);
  }
}

/** An address change for the journal: the audit row and the Endereços tab's event. */
const addressChange = (
  person: { id: number; code: number },
  id: number,
  action: "create" | "update" | "delete",
  before: Address | null,
  after: Address | null,
): Change => ({
  entity: "address",
  id,
  action,
  person: { id: person.id, code: person.code },
  before,
  after,
  events: [{ type: "address.changed", area: "addresses", refs: { addressId: id } }],
});

/** The address as stored now (after settleMain may have moved the main flag). */
async function stored(db: Executor, id: number, personCode: number): Promise<Address> {
  const row = await repo.byId(db, id);
  if (!row) throw fail("not_found", "address_not_found");
  return toAddress(row, personCode);
}

export async function createAddress(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: AddressInput,
  category?: number,
): Promise<Address> {
  const now = ctx.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const { row: person } = await personForTab(ctx, user, code, "addresses", "write", category, trx);
    const id = await repo.insertAddress(trx, newAddressRow(person.id, body, now));
    await settleMain(trx, person.id, body.isMain ? id : null);
    const created = await stored(trx, id, person.code);
    recordChange(trx, ctx, addressChange(person, id, "create", null, created));
    return created;
  });
}

async function addressForWrite(ctx: AppContext, user: AuthUser, id: number, db: Executor, category?: number) {
  const row = await repo.byId(db, id);
  if (!row) throw fail("not_found", "address_not_found");
  const { row: person } = await personByIdForTab(ctx, user, row.person_id, "addresses", "write", category, db);
  return { row, person };
}

export async function updateAddress(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: Partial<AddressInput> & { version: number },
  category?: number,
): Promise<Address> {
  return inTransaction(ctx, async (trx) => {
    const { row, person } = await addressForWrite(ctx, user, id, trx, category);
    if (row.version !== body.version) {
      throw fail("stale_version", "address_changed", undefined, { currentVersion: row.version });
    }
    const saved = await repo.updateAddressAt(trx, id, row.version, {
      ...addressChanges(body),
      updated_at: ctx.now().toISOString(),
    });
    if (!saved) throw fail("stale_version", "address_changed");
    await settleMain(trx, person.id, body.isMain ? id : null, body.isMain === false ? id : undefined);
    const after = await stored(trx, id, person.code);
    recordChange(trx, ctx, addressChange(person, id, "update", toAddress(row, person.code), after));
    return after;
  });
}

export async function deleteAddress(ctx: AppContext, user: AuthUser, id: number, category?: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { row, person } = await addressForWrite(ctx, user, id, trx, category);
    await repo.deleteAddress(trx, id);
    recordChange(trx, ctx, addressChange(person, id, "delete", toAddress(row, person.code), null));
    await settleMain(trx, person.id, null);
  });
}
