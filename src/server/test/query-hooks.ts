import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { AppContext } from "../context.ts";
import { publishAuthChange } from "../features/auth/auth.cache.ts";

/** One query a server ran: its kind (select, insert…) and the tables it names. */
export type RecordedQuery = { kind: string; tables: string[] };

/** Every table a query names, wherever in the tree (joins, subqueries, CTEs). */
function tablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) tablesOf(item, into);
  } else if (node && typeof node === "object") {
    const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
    if (n.kind === "TableNode" && typeof n.table?.identifier?.name === "string") into.add(n.table.identifier.name);
    for (const value of Object.values(node)) if (value && typeof value === "object") tablesOf(value, into);
  }
  return into;
}

const KINDS: Record<string, string> = {
  SelectQueryNode: "select",
  InsertQueryNode: "insert",
  UpdateQueryNode: "update",
  DeleteQueryNode: "delete",
  RawNode: "raw",
};

const summary = (node: OperationNode): RecordedQuery => ({
  kind: KINDS[node.kind] ?? node.kind,
  tables: [...tablesOf(node)].sort(),
});

/** Records each query while `on()` says so: how a test counts what one request asked the database. */
export function queryRecorder(on: () => boolean, record: (q: RecordedQuery) => void): KyselyPlugin {
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (on()) record(summary(args.node));
      return args.node;
    },
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
  };
}

/** What the auth cache answers from (auth.cache.ts): a change to these may change a cached answer. */
const CACHED_TABLES = new Set([
  "users",
  "sessions",
  "api_tokens",
  "user_access_profiles",
  "access_grants",
  "access_profiles",
  "categories",
]);
/** New rows no cache can hold yet: a miss reads the database. */
const HARMLESS_INSERTS = new Set(["users", "sessions", "api_tokens", "access_profiles", "categories"]);

function changesCachedRows(node: OperationNode): boolean {
  const kind = KINDS[node.kind];
  if (kind !== "insert" && kind !== "update" && kind !== "delete" && kind !== "raw") return false;
  if (kind === "raw") {
    // A raw statement names no TableNode: a write that mentions a cached table counts.
    const text = ((node as { sqlFragments?: readonly string[] }).sqlFragments ?? []).join(" ").toLowerCase();
    return (
      /\b(insert|update|delete|replace|drop|alter)\b/.test(text) && [...CACHED_TABLES].some((t) => text.includes(t))
    );
  }
  const tables = [...tablesOf(node)].filter((t) => CACHED_TABLES.has(t));
  if (kind === "insert") return tables.some((t) => !HARMLESS_INSERTS.has(t));
  return tables.length > 0;
}

/**
 * For the test's direct writes (`t.ctx.db.updateTable("users")…`): once such a write ran, every
 * server of the test drops its auth caches, as a change published by a service would.
 */
export function dropCachesOnDirectWrites(ctx: AppContext): KyselyPlugin {
  const writes = new WeakSet<object>();
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (changesCachedRows(args.node)) writes.add(args.queryId);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (writes.has(args.queryId)) await publishAuthChange(ctx, { all: true });
      return args.result;
    },
  };
}
