import type { Executor } from "../../db/types.ts";
import * as repo from "./audit.repository.ts";
import { auditHash } from "./journal.hash.ts";

/**
 * `vinculo audit verify`: walks every chain of the audit log from its anchor to its head and
 * reports, per chain, the first link that does not hold:
 * - altered: the row's hash is not the hash of its content (a field edited in place);
 * - link: the row does not follow the one before it (that one was altered and rehashed, or replaced);
 * - missing: rows of the chain are gone before this one (deleted outside the retention job);
 * - head: the chain ends before its head says (its last rows were deleted).
 * Someone able to rewrite a chain's rows from the first edited one to its head, and the head,
 * goes undetected by this alone: keep a copy of the heads' hashes elsewhere (a backup, a log) to
 * compare against.
 */
export type ChainBreak = {
  shard: number;
  /** The row at the break (null for a chain that ends early). */
  rowId: number | null;
  seq: number;
  problem: "altered" | "link" | "missing" | "head";
};

export type VerifyResult = { rows: number; chains: number; breaks: ChainBreak[] };

const PAGE = 5000;

export async function verifyAuditLog(db: Executor): Promise<VerifyResult> {
  const heads = await repo.chainHeads(db);
  const result: VerifyResult = { rows: 0, chains: heads.length, breaks: [] };
  for (const head of heads) {
    const found = await verifyChain(db, head, (n) => {
      result.rows += n;
    });
    if (found) result.breaks.push(found);
  }
  return result;
}

async function verifyChain(
  db: Executor,
  head: repo.HeadRow,
  counted: (rows: number) => void,
): Promise<ChainBreak | null> {
  let seq = head.anchor_seq;
  let prev = head.anchor_hash;
  for (;;) {
    const rows = await repo.chainPage(db, head.shard, seq, PAGE);
    for (const row of rows) {
      const at = { shard: head.shard, rowId: row.id, seq: row.seq };
      if (row.seq !== seq + 1) return { ...at, problem: "missing" };
      if (row.prev_hash !== prev) return { ...at, problem: "link" };
      if (auditHash(row) !== row.hash) return { ...at, problem: "altered" };
      seq = row.seq;
      prev = row.hash;
    }
    counted(rows.length);
    if (rows.length < PAGE) break;
  }
  if (seq !== head.seq || prev !== head.hash) return { shard: head.shard, rowId: null, seq: head.seq, problem: "head" };
  return null;
}

const PROBLEMS: Record<ChainBreak["problem"], string> = {
  altered: "registro alterado (o hash não confere com o conteúdo)",
  link: "elo quebrado (o registro não segue o anterior: um registro anterior foi alterado ou substituído)",
  missing: "faltam registros antes deste (apagados fora da retenção)",
  head: "faltam registros no fim da cadeia (apagados depois do último que restou)",
};

/** One pt-BR line per break, as the command prints them. */
export function describeBreak(b: ChainBreak): string {
  const where = b.rowId === null ? `na posição ${b.seq}` : `no registro ${b.rowId} (posição ${b.seq})`;
  return `cadeia ${b.shard} quebrada ${where}: ${PROBLEMS[b.problem]}`;
}
