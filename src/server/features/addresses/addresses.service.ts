import type { Selectable } from "kysely";
import type { Address, AddressInput } from "../../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { AddressesTable, Executor } from "../../db/types.ts";
import { AppError } from "../../errors.ts";
import { personByIdForTab, personForTab } from "../persons/persons.service.ts";
import { newAddressRow } from "./address-row.ts";

type Row = Selectable<AddressesTable>;

const toAddress = (r: Row, personCode: number): Address => ({
  id: r.id,
  personCode,
  type: r.type as Address["type"],
  zip: r.zip,
  street: r.street,
  number: r.number,
  complement: r.complement,
  district: r.district,
  city: r.city,
  ibgeCode: r.ibge_code,
  state: r.state,
  country: r.country,
  reference: r.reference,
  isMain: r.is_main === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const list = (db: Executor, personId: number) =>
  db
    .selectFrom("addresses")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("is_main", "desc")
    .orderBy("type")
    .orderBy("id")
    .execute();

export async function listAddresses(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  category?: number,
): Promise<Address[]> {
  const { row } = await personForTab(ctx, user, code, "addresses", "read", category);
  return (await list(ctx.db, row.id)).map((r) => toAddress(r, row.code));
}

/**
 * One main address per person: making one main demotes the others; the first one is main.
 * When the main was just unmarked (`unmarkedId`), the flag goes to another address if there is one.
 */
async function settleMain(db: Executor, personId: number, mainId: number | null, unmarkedId?: number) {
  if (mainId !== null) {
    await db
      .updateTable("addresses")
      .set({ is_main: 0 })
      .where("person_id", "=", personId)
      .where("id", "!=", mainId)
      .execute();
    return;
  }
  const rows = await list(db, personId);
  if (rows.length && !rows.some((r) => r.is_main === 1)) {
    const first = rows.find((r) => r.id !== unmarkedId) ?? rows[0];
    if (first) await db.updateTable("addresses").set({ is_main: 1 }).where("id", "=", first.id).execute();
  }
}

export async function createAddress(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: AddressInput,
  category?: number,
): Promise<Address> {
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { row: person } = await personForTab(ctx, user, code, "addresses", "write", category, trx);
    const { id } = await trx
      .insertInto("addresses")
      .values(newAddressRow(person.id, body, now))
      .returning("id")
      .executeTakeFirstOrThrow();
    await settleMain(trx, person.id, body.isMain ? id : null);
    const row = await trx.selectFrom("addresses").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return toAddress(row, person.code);
  });
}

async function addressForWrite(ctx: AppContext, user: AuthUser, id: number, db: Executor, category?: number) {
  const row = await db.selectFrom("addresses").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("not_found", "Endereço não encontrado.");
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
  return ctx.db.transaction().execute(async (trx) => {
    const { row, person } = await addressForWrite(ctx, user, id, trx, category);
    if (row.version !== body.version) {
      throw new AppError("stale_version", "Outra pessoa alterou este endereço; recarregue para ver as mudanças.", {
        currentVersion: row.version,
      });
    }
    const set = {
      ...(body.type !== undefined && { type: body.type }),
      ...(body.zip !== undefined && { zip: body.zip }),
      ...(body.street !== undefined && { street: body.street }),
      ...(body.number !== undefined && { number: body.number }),
      ...(body.complement !== undefined && { complement: body.complement }),
      ...(body.district !== undefined && { district: body.district }),
      ...(body.city !== undefined && { city: body.city }),
      ...(body.ibgeCode !== undefined && { ibge_code: body.ibgeCode }),
      ...(body.state !== undefined && { state: body.state }),
      ...(body.country !== undefined && { country: body.country }),
      ...(body.reference !== undefined && { reference: body.reference }),
      ...(body.isMain !== undefined && { is_main: body.isMain ? 1 : 0 }),
    };
    const result = await trx
      .updateTable("addresses")
      .set({ ...set, updated_at: ctx.now().toISOString(), version: row.version + 1 })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError("stale_version", "Outra pessoa alterou este endereço.");
    await settleMain(trx, person.id, body.isMain ? id : null, body.isMain === false ? id : undefined);
    const updated = await trx.selectFrom("addresses").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return toAddress(updated, person.code);
  });
}

export async function deleteAddress(ctx: AppContext, user: AuthUser, id: number, category?: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { person } = await addressForWrite(ctx, user, id, trx, category);
    await trx.deleteFrom("addresses").where("id", "=", id).execute();
    await settleMain(trx, person.id, null);
  });
}
