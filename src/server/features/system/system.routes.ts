import { z } from "zod";
import { errors } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Api } from "../../types.ts";
import { checkHealth } from "./system.service.ts";

export function systemRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/health",
    {
      schema: {
        tags: ["system"],
        summary: "Saúde do servidor e do banco",
        response: { 200: z.object({ status: z.literal("ok") }), ...errors(401, 503) },
      },
    },
    async () => checkHealth(ctx),
  );
}
