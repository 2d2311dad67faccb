import type { MeResponse } from "../../../shared/auth.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";

/** `GET /api/me`. The persons and access features fill person, grants and currentAccountEnabled. */
export async function getMe(_ctx: AppContext, user: AuthUser): Promise<MeResponse> {
  return { user, person: null, grants: [], currentAccountEnabled: false };
}
