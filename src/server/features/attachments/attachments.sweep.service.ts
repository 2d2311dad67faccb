import { DRAFT_TTL_HOURS } from "../../../shared/attachments.schemas.ts";
import type { AppContext } from "../../context.ts";
import { asSystem } from "../audit/actor.ts";
import * as blobs from "./attachments.blobs.repository.ts";
import * as repo from "./attachments.repository.ts";
import { removeBytes } from "./attachments.store.ts";

/**
 * The sweep: drafts never attached within DRAFT_TTL_HOURS are dropped, then every blob nothing
 * references and nobody touched for an hour goes, and so does every upload that never finished
 * (a process killed mid-upload, a client gone): their chunks, or their file in VINCULO_FILES_DIR.
 * An hour's margin means an upload that has just deduplicated onto a blob, or is still streaming
 * one in, is never in the way; and each removal re-checks the rule in the statement that claims
 * the blob, so a reference added meanwhile keeps it.
 *
 * Every server runs it (start.ts), each hour's run is claimed by one of them (a file_sweeps row
 * inserted in a transaction, as the Spy System's digests are), and running it twice would only do
 * nothing the second time.
 */

export const SWEEP_GRACE_MS = 60 * 60 * 1000;
/** How often each server looks whether this hour's sweep has run. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
const BATCH = 200;

export type SweepResult = { claimed: boolean; drafts: number; blobs: number; bytes: number };

const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/** Removes what is collectable now; `claim: false` runs without taking the hour (tests, the command line). */
export async function sweepFiles(ctx: AppContext, options: { claim?: boolean } = {}): Promise<SweepResult> {
  const now = ctx.now();
  const hour = hourOf(now);
  const result: SweepResult = { claimed: false, drafts: 0, blobs: 0, bytes: 0 };
  if (options.claim !== false) {
    if (!(await blobs.claimSweep(ctx.db, hour, now.toISOString()))) return result;
  }
  result.claimed = true;
  const before = new Date(now.getTime() - SWEEP_GRACE_MS).toISOString();
  result.drafts = await repo.deleteDraftsBefore(
    ctx.db,
    new Date(now.getTime() - DRAFT_TTL_HOURS * 3600_000).toISOString(),
  );
  for (const find of [blobs.abandonedBlobs, blobs.unreferencedBlobs]) {
    for (;;) {
      const candidates = await find(ctx.db, before, BATCH);
      let removed = 0;
      for (const blob of candidates) {
        if (!(await blobs.claimForRemoval(ctx.db, blob.id, before))) continue;
        // Claimed (state 'deleting'): the bytes first, then the row, so a crash between the two
        // leaves a row the next sweep finishes, never a file nobody knows of.
        await removeBytes(ctx, blob);
        await blobs.deleteBlob(ctx.db, blob.id);
        removed += 1;
        result.blobs += 1;
        result.bytes += Number(blob.size);
      }
      if (candidates.length < BATCH || removed === 0) break;
    }
  }
  if (options.claim !== false) {
    await blobs.finishSweep(ctx.db, hour, { at: ctx.now().toISOString(), ...result });
  }
  return result;
}

/** Runs the sweep now and every SWEEP_INTERVAL_MS; failures are logged and tried again at the next tick. */
export function startFileSweeps(ctx: AppContext, log: { warn: (obj: object, msg: string) => void }): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    asSystem(() => sweepFiles(ctx))
      .catch((err: unknown) => log.warn({ err }, "file sweep failed"))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
