import { todayIsoDate } from "../../shared/brazil.ts";
import { addDays } from "../../shared/finance.ts";
import type { AppContext } from "../context.ts";
import type { Executor } from "../db/types.ts";
import { insertBilling, insertClosing, insertContract, insertEntry, insertReceivable } from "./finance-rows.ts";
import { pickFrom, prng } from "./names.ts";

/**
 * The demo company's money tabs, dated around today so they always look current:
 * - A receber: João (code 1) and the Padaria (code 2) with overdue, open and settled receivables,
 *   and 30 other customers with a few each;
 * - Conta corrente of Vicente Araújo Mendes (the `vendedor` user's person): two closed months
 *   with their closings, open entries of last month, pending ones of this month (invoices not yet
 *   paid), items on the commissions, a debit adjustment, many coming from João and the Padaria;
 * - Contratos: João's support contract billed monthly (charged ones linked to their receivables,
 *   one donated, one suspended, this month pending, a variable one), the Padaria's maintenance
 *   (one month paralyzed) and its suspended PDV contract.
 */

const PAYMENT_METHODS = ["Boleto", "PIX", "Transferência", "Cartão de crédito", "Dinheiro"] as const;
const PRODUCTS = ["Licença ERP Gestão", "Módulo Fiscal", "Implantação", "Treinamento", "Suporte anual"] as const;

type Demo = { id: number; code: number };

async function personByDocument(db: Executor, document: string): Promise<Demo | undefined> {
  return db.selectFrom("persons").select(["id", "code"]).where("document", "=", document).executeTakeFirst();
}

/** "YYYY-MM" of a date `months` months before `today`'s month. */
function monthOf(today: string, monthsBack: number): { period: string; first: string; last: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - monthsBack;
  const year = y + Math.floor((m - 1) / 12);
  const month = ((((m - 1) % 12) + 12) % 12) + 1;
  const period = `${year}-${String(month).padStart(2, "0")}`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { period, first: `${period}-01`, last: addDays(next, -1) };
}

export async function seedDemoFinance(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const rand = prng(20260708);
  const today = todayIsoDate(ctx.now());
  const joao = await personByDocument(db, "52998224725");
  const padaria = await personByDocument(db, "11222333000181");
  const vicente = await personByDocument(db, "12345678909");
  if (!joao || !padaria || !vicente) return;

  // ——— A receber ———
  let nf = 4100;
  const receivable = (personId: number, dueInDays: number, amountCents: number, settled?: { lateDays: number }) => {
    nf += 1;
    const dueDate = addDays(today, dueInDays);
    const overdue = !settled && dueInDays < 0;
    const late = settled ? Math.max(0, settled.lateDays) : overdue ? -dueInDays : 0;
    // Fine 2 % (CDC's ceiling) and interest 1 % a month pro rata die, as the ERP would send them.
    const fineCents = late > 0 ? Math.round(amountCents * 0.02) : 0;
    const interestCents = late > 0 ? Math.round((amountCents * 0.01 * late) / 30) : 0;
    return insertReceivable(db, {
      personId,
      externalId: `DEMO-R-${nf}`,
      documentNumber: `NF ${nf}`,
      installment: "1/1",
      issueDate: addDays(dueDate, -30),
      dueDate,
      amountCents,
      fineCents,
      interestCents,
      paidCents: settled ? amountCents + fineCents + interestCents : 0,
      settledAt: settled ? addDays(dueDate, settled.lateDays) : null,
      paymentMethod: settled ? pickFrom(rand, PAYMENT_METHODS) : "Boleto",
    });
  };
  await receivable(joao.id, -45, 289_000);
  await receivable(joao.id, -12, 154_990);
  await receivable(joao.id, 0, 89_900);
  await receivable(joao.id, 18, 120_000);
  await receivable(joao.id, -80, 75_000, { lateDays: 0 });
  await receivable(joao.id, -110, 75_000, { lateDays: 9 });
  await receivable(joao.id, -140, 210_050, { lateDays: -3 });
  await receivable(padaria.id, -7, 1_245_000);
  await receivable(padaria.id, 25, 980_000);
  await receivable(padaria.id, -60, 430_000, { lateDays: 2 });
  const others = await db
    .selectFrom("persons as p")
    .innerJoin("person_categories as pc", "pc.person_id", "p.id")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select(["p.id"])
    .where("c.name", "=", "Cliente")
    .where("p.id", "not in", [joao.id, padaria.id])
    .orderBy("p.code")
    .limit(30)
    .execute();
  for (const other of others) {
    const count = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const amount = 10_000 + Math.floor(rand() * 500_000);
      const due = Math.floor(rand() * 150) - 110;
      if (due < -30 && rand() < 0.7) await receivable(other.id, due, amount, { lateDays: Math.floor(rand() * 10) - 2 });
      else await receivable(other.id, due, amount);
    }
  }

  // ——— Conta corrente of Vicente ———
  const customers = [joao.id, padaria.id, ...others.slice(0, 6).map((o) => o.id)];
  let entryNumber = 0;
  const commission = async (
    date: string,
    personId: number,
    status: "pending" | "open" | "closed",
    closingId: number | null,
  ) => {
    entryNumber += 1;
    const items = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const baseCents = 20_000 + Math.floor(rand() * 300_000);
      return {
        product: pickFrom(rand, PRODUCTS),
        quantity: 1 + Math.floor(rand() * 3),
        baseCents,
        rate: 5,
        amountCents: Math.round(baseCents * 0.05),
      };
    });
    const baseCents = items.reduce((s, i) => s + i.baseCents, 0);
    return insertEntry(db, {
      externalId: `DEMO-CC-${entryNumber}`,
      sellerId: vicente.id,
      personId,
      date,
      kind: "commission",
      status,
      closingId,
      baseCents,
      rate: 5,
      amountCents: items.reduce((s, i) => s + i.amountCents, 0),
      originDocument: `NF ${3000 + entryNumber}`,
      items,
    });
  };
  for (const monthsBack of [3, 2]) {
    const month = monthOf(today, monthsBack);
    const closingId = await insertClosing(db, {
      externalId: `DEMO-FECH-${month.period}`,
      sellerId: vicente.id,
      periodStart: month.first,
      periodEnd: month.last,
      closedOn: addDays(month.last, 5),
    });
    for (const [i, personId] of customers.entries()) {
      await commission(addDays(month.first, 2 + i * 3), personId, "closed", closingId);
    }
    entryNumber += 1;
    await insertEntry(db, {
      externalId: `DEMO-CC-${entryNumber}`,
      sellerId: vicente.id,
      personId: padaria.id,
      date: addDays(month.first, 20),
      kind: "passThrough",
      status: "closed",
      closingId,
      baseCents: 150_000,
      rate: 10,
      amountCents: 15_000,
      description: "Repasse da instalação de equipamentos",
    });
    if (monthsBack === 2) {
      entryNumber += 1;
      await insertEntry(db, {
        externalId: `DEMO-CC-${entryNumber}`,
        sellerId: vicente.id,
        personId: joao.id,
        date: addDays(month.last, -1),
        kind: "adjustment",
        status: "closed",
        closingId,
        amountCents: -4_500,
        description: "Estorno de comissão: devolução da NF 3002",
      });
    }
  }
  const lastMonth = monthOf(today, 1);
  for (const [i, personId] of customers.slice(0, 5).entries()) {
    await commission(addDays(lastMonth.first, 3 + i * 4), personId, "open", null);
  }
  const thisMonth = monthOf(today, 0);
  for (const [i, personId] of [joao.id, padaria.id, customers[3] ?? joao.id].entries()) {
    // Early in the month, never after today (dates compare as text).
    const date = [addDays(thisMonth.first, i * 2), today].sort()[0] ?? today;
    await commission(date, personId, "pending", null);
  }

  // ——— Contratos ———
  /** The receivable a charged billing became: due on the billing day, paid when it is old enough. */
  const chargedReceivable = async (personId: number, period: string, day: number, amountCents: number) => {
    nf += 1;
    const dueDate = `${period}-${String(day).padStart(2, "0")}`;
    const paid = dueDate < addDays(today, -5);
    return insertReceivable(db, {
      personId,
      externalId: `DEMO-R-${nf}`,
      documentNumber: `NF ${nf}`,
      installment: "1/1",
      issueDate: `${period}-01`,
      dueDate,
      amountCents,
      paidCents: paid ? amountCents : 0,
      settledAt: paid ? addDays(dueDate, 1) : null,
      paymentMethod: "Boleto",
    });
  };
  const support = await insertContract(db, {
    externalId: "DEMO-CT-1001",
    personId: joao.id,
    number: "CT-1001",
    description: "Suporte técnico mensal ao ERP Gestão",
    startDate: monthOf(today, 8).first,
    billingDay: 10,
  });
  for (let back = 6; back >= 0; back--) {
    const month = monthOf(today, back);
    const status = back === 0 ? "pending" : back === 4 ? "donated" : back === 3 ? "suspended" : "charged";
    const receivableId = status === "charged" ? await chargedReceivable(joao.id, month.period, 10, 45_000) : null;
    await insertBilling(db, {
      externalId: `DEMO-CB-1001-${month.period}`,
      contractId: support,
      period: month.period,
      amountCents: 45_000,
      status,
      receivableId,
      description: status === "donated" ? "Cortesia: mês da migração de versão" : null,
    });
  }
  await insertBilling(db, {
    externalId: `DEMO-CB-1001-${monthOf(today, 1).period}-V`,
    contractId: support,
    period: monthOf(today, 1).period,
    kind: "variable",
    amountCents: 18_000,
    status: "pending",
    description: "4 horas de suporte fora do contrato",
  });
  const maintenance = await insertContract(db, {
    externalId: "DEMO-CT-2001",
    personId: padaria.id,
    number: "CT-2001",
    description: "Manutenção preventiva dos fornos e balanças",
    startDate: monthOf(today, 12).first,
    billingDay: 5,
  });
  for (let back = 3; back >= 0; back--) {
    const month = monthOf(today, back);
    const status = back === 2 ? "paralyzed" : back === 0 ? "pending" : "charged";
    await insertBilling(db, {
      externalId: `DEMO-CB-2001-${month.period}`,
      contractId: maintenance,
      period: month.period,
      amountCents: 120_000,
      status,
      receivableId: status === "charged" ? await chargedReceivable(padaria.id, month.period, 5, 120_000) : null,
      description: back === 2 ? "Loja em reforma: atendimento paralisado" : null,
    });
  }
  const pdv = await insertContract(db, {
    externalId: "DEMO-CT-2002",
    personId: padaria.id,
    number: "CT-2002",
    description: "Licença do sistema de PDV",
    startDate: monthOf(today, 10).first,
    status: "suspended",
  });
  await insertBilling(db, {
    externalId: `DEMO-CB-2002-${monthOf(today, 1).period}`,
    contractId: pdv,
    period: monthOf(today, 1).period,
    amountCents: 35_000,
    status: "suspended",
    description: "Suspenso a pedido do cliente",
  });
}
