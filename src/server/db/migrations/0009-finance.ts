import { sql } from "kysely";
import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0008-finance"; renamed (see ../migration-renames.ts), same schema.

/**
 * The money tabs, normally fed by the ERP (imports idempotent by `external_id`):
 * - receivables (A receber): one invoice instalment owed by a person;
 * - commission_closings, commission_entries, commission_items (Conta corrente): a seller's
 *   commission / pass-through entries, their items, and the period closings they end up in;
 * - contracts and contract_billings (Contratos): recurring contracts and each period's charge.
 *
 * Portable choices (see types.ts): calendar dates are `YYYY-MM-DD` text, timestamps ISO UTC
 * text, money integer cents in BIGINT (a list total over millions of rows, or one large invoice,
 * passes the 32-bit limit of R$ 21 million), rates as integer parts per million (5,25 % = 52500)
 * and quantities as integer thousandths, so nothing is ever a float.
 *
 * Every list of the person screen reads one index range and pages by keyset; totals are SUMs over
 * the same range.
 */
export const finance: VinculoMigration = {
  name: "0009-finance",
  async up(db, dialect) {
    await withId(db.schema.createTable("receivables"), dialect)
      /** The ERP's id; null for a receivable typed by hand. */
      .addColumn("external_id", "text", (c) => c.unique())
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("document_number", "text", notNull)
      /** As the ERP spells it: "1/3", "02", "A". */
      .addColumn("installment", "text", notNull)
      .addColumn("issue_date", "text", notNull)
      .addColumn("due_date", "text", notNull)
      .addColumn("amount_cents", "bigint", notNull)
      .addColumn("interest_cents", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("fine_cents", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("discount_cents", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("paid_cents", "bigint", (c) => c.notNull().defaultTo(0))
      /** The settlement (baixa) date; a calendar date. */
      .addColumn("settled_at", "text")
      .addColumn("payment_method", "text")
      /** 'open' | 'settled': written with settled_at (settled ⇔ settled_at is set), so lists use an index. */
      .addColumn("status", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // A Receber: open (oldest due first) or settled, and the totals (open, overdue = due before today).
    await db.schema
      .createIndex("receivables_person_list")
      .on("receivables")
      .columns(["person_id", "status", "due_date", "id"])
      .execute();

    await withId(db.schema.createTable("commission_closings"), dialect)
      .addColumn("external_id", "text", (c) => c.unique())
      .addColumn("seller_person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("period_start", "text", notNull)
      .addColumn("period_end", "text", notNull)
      /** The day the closing was made (calendar date); the period's end when the ERP does not say. */
      .addColumn("closed_on", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // The closing selector: a seller's closings, newest period first.
    await db.schema
      .createIndex("commission_closings_seller")
      .on("commission_closings")
      .columns(["seller_person_id", "period_end", "id"])
      .execute();

    await withId(db.schema.createTable("commission_entries"), dialect)
      .addColumn("external_id", "text", (c) => c.unique())
      /** The seller (employee or representative) whose account it is. */
      .addColumn("seller_person_id", "integer", (c) => c.notNull().references("persons.id"))
      /** The customer it comes from, when there is one (an adjustment may have none). */
      .addColumn("person_id", "integer", (c) => c.references("persons.id"))
      .addColumn("date", "text", notNull)
      /** 'commission' | 'passThrough' (repasse) | 'adjustment' */
      .addColumn("kind", "text", notNull)
      .addColumn("origin_document", "text")
      .addColumn("base_cents", "bigint", notNull)
      /** Rate in parts per million (5,25 % = 52500); null when the amount was not a rate of the base. */
      .addColumn("rate_ppm", "integer")
      /** Signed: a credit to the seller is positive, a debit negative; the balance is a plain SUM. */
      .addColumn("amount_cents", "bigint", notNull)
      /** 'pending' (not yet due) | 'open' (due, not in a closing) | 'closed' (in a closing). */
      .addColumn("status", "text", notNull)
      /** Set exactly when status is 'closed'. */
      .addColumn("closing_id", "integer", (c) => c.references("commission_closings.id"))
      .addColumn("description", "text")
      .addColumn("item_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // A seller's account by status, newest first (focused seller).
    await db.schema
      .createIndex("commission_entries_seller")
      .on("commission_entries")
      // amount_cents last: the totals (Σ credit, Σ debit) read the index alone.
      .columns(["seller_person_id", "status", "date", "id", "amount_cents"])
      .execute();
    // The logged-in seller's entries coming from the focused customer.
    await db.schema
      .createIndex("commission_entries_seller_person")
      .on("commission_entries")
      .columns(["seller_person_id", "person_id", "status", "date", "id", "amount_cents"])
      .execute();
    // The "by item" view: the same ranges, over entries that have items only (partial indexes, on
    // both databases), so a page never walks the item-less entries (adjustments, pass-throughs).
    await db.schema
      .createIndex("commission_entries_seller_items")
      .on("commission_entries")
      .columns(["seller_person_id", "status", "date", "id"])
      .where(sql.ref("item_count"), ">", sql.lit(0))
      .execute();
    await db.schema
      .createIndex("commission_entries_seller_person_items")
      .on("commission_entries")
      .columns(["seller_person_id", "person_id", "status", "date", "id"])
      .where(sql.ref("item_count"), ">", sql.lit(0))
      .execute();
    // One closing's entries.
    await db.schema
      .createIndex("commission_entries_closing")
      .on("commission_entries")
      .columns(["closing_id", "date", "id"])
      .execute();

    await withId(db.schema.createTable("commission_items"), dialect)
      .addColumn("entry_id", "integer", (c) => c.notNull().references("commission_entries.id").onDelete("cascade"))
      .addColumn("position", "integer", notNull)
      .addColumn("product", "text", notNull)
      /** In thousandths (2,5 kg = 2500). */
      .addColumn("quantity_milli", "bigint", notNull)
      .addColumn("base_cents", "bigint", notNull)
      .addColumn("rate_ppm", "integer")
      .addColumn("amount_cents", "bigint", notNull)
      .execute();
    await db.schema
      .createIndex("commission_items_entry")
      .on("commission_items")
      .columns(["entry_id", "position", "id"])
      .execute();

    await withId(db.schema.createTable("contracts"), dialect)
      .addColumn("external_id", "text", (c) => c.unique())
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("number", "text", notNull)
      .addColumn("description", "text", notNull)
      .addColumn("start_date", "text", notNull)
      .addColumn("end_date", "text")
      /** Day of the month the billing is due (1–31; a short month uses its last day). */
      .addColumn("billing_day", "integer")
      /** 'active' | 'suspended' | 'paralyzed' | 'ended' */
      .addColumn("status", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex("contracts_person")
      .on("contracts")
      .columns(["person_id", "start_date", "id"])
      .execute();

    await withId(db.schema.createTable("contract_billings"), dialect)
      .addColumn("external_id", "text", (c) => c.unique())
      .addColumn("contract_id", "integer", (c) => c.notNull().references("contracts.id"))
      /** The contract's person, kept here so the person's billings are one index range. */
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      /** Competence "YYYY-MM". */
      .addColumn("period", "text", notNull)
      /** 'fixed' | 'variable' */
      .addColumn("kind", "text", notNull)
      .addColumn("amount_cents", "bigint", notNull)
      /** 'charged' | 'donated' | 'suspended' | 'paralyzed' | 'pending' */
      .addColumn("status", "text", notNull)
      .addColumn("description", "text")
      /** The receivable this billing became, when it was charged. */
      .addColumn("receivable_id", "integer", (c) => c.references("receivables.id"))
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // The person's billings, newest period first; kind/status filters read the same range.
    await db.schema
      .createIndex("contract_billings_person")
      .on("contract_billings")
      .columns(["person_id", "period", "id"])
      .execute();
    await db.schema
      .createIndex("contract_billings_contract")
      .on("contract_billings")
      .columns(["contract_id", "period", "id"])
      .execute();
    await db.schema
      .createIndex("contract_billings_receivable")
      .on("contract_billings")
      .column("receivable_id")
      .execute();
  },
};
