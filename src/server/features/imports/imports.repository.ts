import type { ImportRun, RejectedLine } from "../../../shared/imports.schemas.ts";
import type { Executor } from "../../db/types.ts";

/** The history of import runs (import_runs). */

export async function startRun(
  db: Executor,
  run: { entity: string; format: string; source: string; fileName: string | null; userId: number | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto("import_runs")
    .values({
      entity: run.entity,
      format: run.format,
      source: run.source,
      file_name: run.fileName,
      user_id: run.userId,
      status: "running",
      started_at: run.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Executor,
  id: number,
  end: {
    status: "done" | "failed";
    now: string;
    records: number;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
    error: string | null;
    sample: RejectedLine[];
  },
): Promise<void> {
  await db
    .updateTable("import_runs")
    .set({
      status: end.status,
      finished_at: end.now,
      records: end.records,
      inserted: end.inserted,
      updated: end.updated,
      unchanged: end.unchanged,
      rejected: end.rejected,
      error: end.error,
      rejected_sample: JSON.stringify(end.sample),
    })
    .where("id", "=", id)
    .execute();
}

export async function listRuns(db: Executor, limit: number, beforeId: number | null): Promise<ImportRun[]> {
  let query = db
    .selectFrom("import_runs as r")
    .leftJoin("users as u", "u.id", "r.user_id")
    .select([
      "r.id",
      "r.entity",
      "r.format",
      "r.source",
      "r.file_name",
      "u.username",
      "r.status",
      "r.started_at",
      "r.finished_at",
      "r.records",
      "r.inserted",
      "r.updated",
      "r.unchanged",
      "r.rejected",
      "r.error",
    ])
    .orderBy("r.id", "desc")
    .limit(limit);
  if (beforeId !== null) query = query.where("r.id", "<", beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    format: r.format,
    source: r.source,
    fileName: r.file_name,
    username: r.username,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    records: r.records,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    error: r.error,
  }));
}
