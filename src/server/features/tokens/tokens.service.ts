import type { ApiToken } from "../../../shared/auth.schemas.ts";
import type { AppContext } from "../../context.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { publishAuthChange } from "../auth/auth.cache.ts";
import { API_TOKEN_PREFIX, newSecret, sha256 } from "../auth/tokens.ts";
import { userActivity } from "../users/users.service.ts";
import * as repo from "./tokens.repository.ts";

const toApiToken = (r: repo.TokenRow): ApiToken => ({
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
  return (await repo.listTokens(ctx.db)).map(toApiToken);
}

/** Only the hash is stored: the token itself is returned here once and never again. */
export async function createToken(
  ctx: AppContext,
  input: { userId: number; name: string; createdBy: number | null },
): Promise<ApiToken & { token: string }> {
  const token = API_TOKEN_PREFIX + newSecret();
  return inTransaction(ctx, async (trx) => {
    const owner = await userActivity(trx, input.userId);
    if (owner === "missing") throw fieldError("userId", "token_user_not_found");
    if (owner === "inactive") throw fieldError("userId", "token_user_inactive");
    const id = await repo.insertToken(trx, {
      user_id: input.userId,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      created_at: ctx.now().toISOString(),
      created_by: input.createdBy,
    });
    const row = await repo.findToken(trx, id);
    if (!row) throw fail("not_found", "token_not_found");
    // Never the token: its owner, name and the prefix shown to tell tokens apart.
    recordChange(trx, ctx, {
      entity: "api_token",
      id,
      action: "create",
      after: { userId: row.user_id, name: row.name, prefix: row.prefix },
    });
    return { ...toApiToken(row), token };
  });
}

export async function revokeToken(ctx: AppContext, id: number): Promise<ApiToken> {
  const token = await inTransaction(ctx, async (trx) => {
    const row = await repo.findToken(trx, id);
    if (!row) throw fail("not_found", "token_not_found");
    if (row.revoked_at) return toApiToken(row);
    await repo.revokeToken(trx, id, ctx.now().toISOString());
    const revoked = await repo.findToken(trx, id);
    if (!revoked) throw fail("not_found", "token_not_found");
    recordChange(trx, ctx, {
      entity: "api_token",
      id,
      action: "revoke",
      before: { userId: row.user_id, name: row.name, revokedAt: null },
      after: { userId: row.user_id, name: row.name, revokedAt: revoked.revoked_at },
    });
    return toApiToken(revoked);
  });
  // Also when it was revoked already: revoking again is how to make sure no server still accepts it.
  await publishAuthChange(ctx, { userId: token.userId });
  return token;
}
