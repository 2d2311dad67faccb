import type { ApiToken } from "../../../shared/auth.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError } from "../../errors.ts";
import { API_TOKEN_PREFIX, newSecret, sha256 } from "../auth/tokens.ts";

const select = (db: Executor) =>
  db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.user_id",
      "users.username",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;

const toApiToken = (r: Row): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  userId: r.user_id,
  username: r.username,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function listTokens(ctx: AppContext): Promise<ApiToken[]> {
  return (await select(ctx.db).orderBy("api_tokens.id", "desc").execute()).map(toApiToken);
}

/** Only the hash is stored: the token itself is returned here once and never again. */
export async function createToken(
  ctx: AppContext,
  input: { userId: number; name: string; createdBy: number | null },
): Promise<ApiToken & { token: string }> {
  const token = API_TOKEN_PREFIX + newSecret();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "is_active"])
      .where("id", "=", input.userId)
      .executeTakeFirst();
    if (!user)
      throw new AppError("validation_failed", "userId: usuário não encontrado.", [
        { field: "userId", message: "não encontrado" },
      ]);
    if (user.is_active !== 1)
      throw new AppError("validation_failed", "userId: usuário inativo.", [{ field: "userId", message: "inativo" }]);
    const { id } = await trx
      .insertInto("api_tokens")
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: sha256(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        created_at: ctx.now().toISOString(),
        created_by: input.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await select(trx).where("api_tokens.id", "=", id).executeTakeFirstOrThrow();
    return { ...toApiToken(row), token };
  });
}

export async function revokeToken(ctx: AppContext, id: number): Promise<ApiToken> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await select(trx).where("api_tokens.id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("not_found", "Token não encontrado.");
    if (!row.revoked_at) {
      await trx.updateTable("api_tokens").set({ revoked_at: ctx.now().toISOString() }).where("id", "=", id).execute();
    }
    return toApiToken(await select(trx).where("api_tokens.id", "=", id).executeTakeFirstOrThrow());
  });
}
