import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ViolationKind } from "./contract-checks.ts";

/**
 * Findings grouped by route, status, kind and what went wrong (digits folded, so "line 3" and
 * "line 7" are one finding), each with its first example: enough to replay it by hand.
 */

export type Example = {
  index: number;
  principal: string;
  mutation: string | null;
  method: string;
  path: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseBody: string;
  serverLog: string[];
};

export type Finding = {
  route: string;
  status: number;
  kind: ViolationKind;
  what: string;
  count: number;
  example: Example;
};

const SERVER_KINDS = new Set<ViolationKind>(["server-error", "no-answer"]);

export class Findings {
  readonly byKey = new Map<string, Finding>();
  /** route → status → how many answers had a status the route does not declare (yet). */
  readonly undeclared = new Map<string, Map<number, number>>();
  requests = 0;
  serverErrors = 0;
  contractViolations = 0;
  /** Answers per route and status class: shows the fuzzer reached the handlers. */
  readonly statuses = new Map<string, Map<number, number>>();

  count(route: string, status: number): void {
    this.requests += 1;
    const m = this.statuses.get(route) ?? new Map<number, number>();
    m.set(status, (m.get(status) ?? 0) + 1);
    this.statuses.set(route, m);
  }

  noteUndeclared(route: string, status: number): void {
    const m = this.undeclared.get(route) ?? new Map<number, number>();
    m.set(status, (m.get(status) ?? 0) + 1);
    this.undeclared.set(route, m);
  }

  /** One answer's violations: counted once as a server error and/or once as a contract violation. */
  add(route: string, status: number, violations: { kind: ViolationKind; what: string }[], example: Example): void {
    if (!violations.length) return;
    if (violations.some((v) => SERVER_KINDS.has(v.kind))) this.serverErrors += 1;
    if (violations.some((v) => !SERVER_KINDS.has(v.kind))) this.contractViolations += 1;
    for (const v of violations) {
      const key = `${route}|${status}|${v.kind}|${v.what.replace(/\d+/g, "N")}`;
      const found = this.byKey.get(key);
      if (found) found.count += 1;
      else this.byKey.set(key, { route, status, kind: v.kind, what: v.what, count: 1, example });
    }
  }

  /**
   * Findings of one defect seen on many routes (the framework's 431 on every route) as one line:
   * same status, kind and what, digits folded.
   */
  classes(): { first: Finding; routes: Set<string>; count: number }[] {
    const out = new Map<string, { first: Finding; routes: Set<string>; count: number }>();
    for (const f of this.sorted()) {
      const key = `${f.status}|${f.kind}|${f.what.replace(/\d+/g, "N")}`;
      const c = out.get(key) ?? { first: f, routes: new Set<string>(), count: 0 };
      c.routes.add(f.route);
      c.count += f.count;
      out.set(key, c);
    }
    const rank = (f: Finding) => (SERVER_KINDS.has(f.kind) ? 0 : 1);
    return [...out.values()].sort((a, b) => rank(a.first) - rank(b.first) || b.count - a.count);
  }

  sorted(): Finding[] {
    const rank = (f: Finding) => (SERVER_KINDS.has(f.kind) ? 0 : 1);
    return [...this.byKey.values()].sort(
      (a, b) => rank(a) - rank(b) || b.count - a.count || a.route.localeCompare(b.route),
    );
  }

  summaryLine(dialect: string): string {
    return `contract fuzz (${dialect}): ${this.requests} requests, ${this.serverErrors} server errors, ${this.contractViolations} contract violations`;
  }

  /** The summary, the top findings, the undeclared statuses per route; the whole list goes to a file. */
  report(dialect: string, seed: number, top = 15): { text: string; file: string } {
    const findings = this.sorted();
    const file = path.join(os.tmpdir(), `vinculo-contract-fuzz-${dialect}-${seed}.txt`);
    const line = (f: Finding) => `  ${f.route} ${f.status} → ${f.kind}: ${f.what} (×${f.count})`;
    const undeclaredTotal = [...this.undeclared.values()].reduce(
      (n, m) => n + [...m.values()].reduce((a, b) => a + b, 0),
      0,
    );
    const undeclaredLines = [...this.undeclared.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(
        ([route, m]) =>
          `  ${route}: ${[...m.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([s, n]) => `${s}×${n}`)
            .join(" ")}`,
      );
    const classes = this.classes();
    const classLine = (c: { first: Finding; routes: Set<string>; count: number }) =>
      `  ${c.first.route} ${c.first.status} → ${c.first.kind}: ${c.first.what} (×${c.count}${c.routes.size > 1 ? ` on ${c.routes.size} routes` : ""})`;
    const head = [
      this.summaryLine(dialect),
      `seed ${seed} (replay: VINCULO_FUZZ_SEED=${seed}); ${classes.length} distinct findings (${findings.length} route × finding pairs)`,
      ...(classes.length ? ["top findings:", ...classes.slice(0, top).map(classLine)] : []),
      `undeclared statuses counted, not failed (VINCULO_FUZZ_STRICT=0): ${undeclaredTotal} answers on ${this.undeclared.size} routes`,
      `full findings: ${file}`,
    ];
    const detail = findings.map((f) =>
      [
        line(f),
        `    example #${f.example.index} as ${f.example.principal}, ${f.example.mutation ?? "valid request"}`,
        `    ${f.example.method} ${f.example.path.slice(0, 400)}`,
        `    request headers: ${JSON.stringify(f.example.requestHeaders)}`,
        `    request body: ${f.example.requestBody}`,
        `    response: ${f.example.status} ${f.example.responseBody}`,
        ...f.example.serverLog.map((l) => `    server log: ${l}`),
      ].join("\n"),
    );
    const statusLines = [...this.statuses.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(
        ([route, m]) =>
          `  ${route}: ${[...m.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([s, n]) => `${s}×${n}`)
            .join(" ")}`,
      );
    fs.writeFileSync(
      file,
      [
        ...head,
        "",
        "all distinct findings:",
        ...classes.map(classLine),
        "",
        "findings per route, with an example each:",
        ...detail,
        "",
        "undeclared statuses per route:",
        ...undeclaredLines,
        "",
        "answers per route:",
        ...statusLines,
        "",
      ].join("\n"),
    );
    return { text: head.join("\n"), file };
  }
}

/** A body as a finding shows it: short, with bytes that are not text made visible. */
export function excerpt(body: Buffer | undefined, max = 600): string {
  if (!body?.length) return "(empty)";
  const text = body.subarray(0, max).toString("utf8");
  const shown = JSON.stringify(text).slice(1, -1);
  return body.length > max ? `${shown}… (${body.length} bytes)` : shown;
}
