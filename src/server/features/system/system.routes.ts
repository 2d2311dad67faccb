import { sql } from "kysely";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import type { Api } from "../../types.ts";

export function systemRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/health",
    {
      schema: {
        tags: ["system"],
        summary: "Saúde do servidor e do banco",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db).catch(() => {
        throw new AppError("unavailable", "Banco de dados indisponível.");
      });
      return { status: "ok" as const };
    },
  );
}
