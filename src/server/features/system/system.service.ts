import type { AppContext } from "../../context.ts";
import { fail } from "../../errors.ts";
import * as repo from "./system.repository.ts";

/** `GET /api/health`: ok when the database answers; 503 otherwise, so a load balancer takes this server out. */
export async function checkHealth(ctx: AppContext): Promise<{ status: "ok" }> {
  await repo.ping(ctx.db).catch(() => {
    throw fail("unavailable", "database_unavailable");
  });
  return { status: "ok" };
}
