import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe: the session cookie and API tokens are both this strong. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export const API_TOKEN_PREFIX = "vnc_";
