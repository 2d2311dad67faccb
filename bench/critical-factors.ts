import { fmtInt, getJson, type LoadResult, load, type RequestSpec } from "./load.ts";

/**
 * Critical factors under load (called by bench/figures.ts for each target with tickets): the
 * company page as the browser asks for it (counts per sector + the first 50 tickets by sector,
 * person and due) — the figure with a goal, ≤ 50 ms p95 at 10 connections — and, at the
 * largest connection count only, the same filtered by sector, by responsible user, its second
 * page and a person's badge, reported without goals.
 */
type Options = {
  url: string;
  headers: Record<string, string>;
  label: string;
  seconds: number;
  connections: number;
  /** Codes of persons the bench user may see. */
  codes: number[];
  /** Also the secondary pages. */
  secondary: boolean;
};

type Page = {
  bySector: { sector: { id: number }; critical: number; attention: number }[];
  counts: { critical: number; attention: number };
  items: { responsible: { id: number } | null }[];
  nextCursor: string | null;
};

export type CriticalResult = {
  company: LoadResult;
  visible: string;
  /** Each with its name for the results table. */
  secondary: (LoadResult & { figure: string })[];
};

export async function benchCriticalFactors(o: Options): Promise<CriticalResult> {
  const base = { url: o.url, headers: o.headers, seconds: o.seconds, connections: o.connections };
  // What the page shows first, to pick realistic filters.
  const page = await getJson<Page>(o.url, "/api/critical-factors?limit=50", o.headers);
  const visible = `${fmtInt(page.counts.critical)} critical and ${fmtInt(page.counts.attention)} needing attention in ${page.bySector.length} sectors`;
  const company = await load(`fatores críticos (empresa), ${o.connections} con. — ${o.label}`, {
    ...base,
    next: () => ({ kind: "fatores críticos", path: "/api/critical-factors?limit=50" }),
  });
  const secondary: CriticalResult["secondary"] = [];
  const measure = async (figure: string, label: string, next: () => RequestSpec) =>
    secondary.push({ ...(await load(`${label} — ${o.label}`, { ...base, next })), figure });
  if (!o.secondary) return { company, visible, secondary };
  const sectors = page.bySector.map((s) => s.sector.id);
  const responsible = page.items.find((i) => i.responsible)?.responsible?.id;
  let i = 0;
  if (sectors.length) {
    await measure("critical factors, one sector", "fatores críticos por setor", () => ({
      kind: "setor",
      path: `/api/critical-factors?limit=50&sectorId=${sectors[i++ % sectors.length]}`,
    }));
  }
  if (page.nextCursor) {
    const cursor = page.nextCursor;
    await measure("critical factors, second page", "fatores críticos, 2ª página", () => ({
      kind: "2ª página",
      path: `/api/critical-factors?limit=50&cursor=${cursor}`,
    }));
  }
  if (responsible !== undefined) {
    await measure("critical factors, one responsible user", "fatores críticos por responsável", () => ({
      kind: "responsável",
      path: `/api/critical-factors?limit=50&responsibleUserId=${responsible}`,
    }));
  }
  await measure("critical factors of one person (badge)", "fatores críticos da pessoa (selo)", () => ({
    kind: "selo",
    path: `/api/persons/${o.codes[i++ % o.codes.length]}/critical-factors`,
  }));
  return { company, visible, secondary };
}
