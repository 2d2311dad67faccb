import type { RequestSpec } from "./load.ts";
import type { Target } from "./prepare.ts";

/**
 * What a working day asks of Vínculo, as request specs: the figures measure one kind at a
 * time, the soak mixes them. Everything goes through the bench user's token, so auth,
 * grants and visibility are part of every request, as for a real user.
 */

/** What people type in the magnifier: names with and without accents, pieces of documents, codes, e-mails, phones. */
export const QUERIES = [
  "joao",
  "João Silva",
  "maria souza",
  "silva souza",
  "conceição",
  "araujo",
  "gonçalves pereira",
  "fernanda lima",
  "distribuidora",
  "transportes paulista",
  "comercio mineira",
  "ltda",
  "ana",
  "jo",
  "pedro santos",
  "leão",
  "529.982",
  "11222333",
  "exemplo.com.br",
  "@exemplo",
  "11 9",
  "98765",
  "000123",
  "123456",
  "cecília ramos",
  "d'avila",
];

export const authHeaders = (t: Target) => ({ authorization: `Bearer ${t.token}` });

/** The three requests the person screen makes together when it opens. */
export const screenPaths = (code: number) => [
  `/api/persons/${code}`,
  `/api/persons/${code}/tabs`,
  `/api/persons/${code}/tickets?area=service&status=open&limit=20`,
];

/** Round-robin pickers over the target's sample, one counter per kind so each kind spreads evenly. */
export function workload(t: Target) {
  let q = 0;
  let c = 0;
  let w = 0;
  let n = 0;
  const code = () => t.codes[c++ % t.codes.length] as number;
  const runId = Date.now().toString(36);
  return {
    search: (): RequestSpec => ({
      kind: "busca",
      path: `/api/persons?q=${encodeURIComponent(QUERIES[q++ % QUERIES.length] as string)}&limit=20`,
    }),
    lookup: (): RequestSpec => ({ kind: "pessoa", path: `/api/persons/${code()}` }),
    tabs: (): RequestSpec => ({ kind: "abas", path: `/api/persons/${code()}/tabs` }),
    tickets: (): RequestSpec => ({
      kind: "atendimentos",
      path: `/api/persons/${code()}/tickets?area=service&status=open&limit=20`,
    }),
    critical: (): RequestSpec => ({ kind: "fatores críticos", path: "/api/critical-factors?limit=50" }),
    badge: (): RequestSpec => ({ kind: "selo de fatores", path: `/api/persons/${code()}/critical-factors` }),
    /** A parecer on an open ticket (null when the sample has none). */
    note: (): RequestSpec | null => {
      if (!t.openTickets.length) return null;
      const id = t.openTickets[w++ % t.openTickets.length];
      return {
        kind: "parecer (escrita)",
        method: "POST",
        path: `/api/tickets/${id}/notes`,
        body: { text: `Parecer do benchmark ${runId}-${n++}: cliente retornou o contato.` },
      };
    },
    /** A new atendimento for a visible person. */
    newTicket: (): RequestSpec | null => {
      if (!t.newTicket) return null;
      return {
        kind: "novo atendimento (escrita)",
        method: "POST",
        path: `/api/persons/${code()}/tickets`,
        body: {
          area: "service",
          typeId: t.newTicket.typeId,
          sectorId: t.newTicket.sectorId,
          subject: `Atendimento do benchmark ${runId}-${n++}`,
          note: "Aberto pelo benchmark: cliente pediu retorno.",
        },
      };
    },
  };
}

export type Workload = ReturnType<typeof workload>;

/** A fixed, shuffled schedule of kinds by weight: the same mix every run, spread over time. */
export function mix(weights: [keyof Workload, number][], seed = 13): (keyof Workload)[] {
  const slots = weights.flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [slots[i], slots[j]] = [slots[j] as keyof Workload, slots[i] as keyof Workload];
  }
  return slots;
}

/** Next spec of a schedule; a write kind with nothing to write to falls back to a read. */
export function scheduled(w: Workload, schedule: (keyof Workload)[]): () => RequestSpec {
  let i = 0;
  return () => {
    const kind = schedule[i++ % schedule.length] as keyof Workload;
    return w[kind]() ?? w.lookup();
  };
}
