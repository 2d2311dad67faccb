import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { TICKET_AREAS, type TicketArea } from "../../shared/tickets.schemas.ts";
import { inArray } from "./prepared.ts";
import type { Database, Dialect, TicketsTable } from "./types.ts";

/**
 * The SQL of "which tickets may this user see", shared by the repositories that list tickets
 * across persons (Meus atendimentos, critical factors): the access rule itself is decided in
 * features/access; this only spells it as a WHERE clause.
 */

/** Category ids whose tickets of each area the user may see: null = every category, [] = none. */
export type AreaVisibility = Record<TicketArea, number[] | null>;

/** A query over tickets aliased `t`. */
export type TicketsEb = ExpressionBuilder<Database & { t: TicketsTable }, "t">;

/** Whether the visibility is everything (an administrator): no clause is needed then. */
export const seesEverything = (v: AreaVisibility) => TICKET_AREAS.every((area) => v[area] === null);

/** The ticket `t` is of an area the user sees for one of its person's categories. */
export function ticketVisible(eb: TicketsEb, visibility: AreaVisibility): Expression<SqlBool> {
  const branches = TICKET_AREAS.flatMap((area) => {
    const cats = visibility[area];
    if (cats === null) return [eb("t.area", "=", area)];
    if (!cats.length) return [];
    return [
      eb.and([
        eb("t.area", "=", area),
        eb.exists(
          eb
            .selectFrom("person_categories as pc")
            .select(eb.lit(1).as("one"))
            .whereRef("pc.person_id", "=", "t.person_id")
            .where("pc.category_id", "in", cats),
        ),
      ]),
    ];
  });
  return branches.length ? eb.or(branches) : eb.lit(false);
}

/**
 * The same rule as parameters, for the compiled queries of db/prepared.ts: one shape whatever the
 * user's visibility. `seesAll` short-circuits to every ticket (what no clause at all means above).
 */
export type VisibilityParams = {
  seesAll: number;
  serviceAll: number;
  serviceIds: number[];
  productionAll: number;
  productionIds: number[];
};

export const visibilityParams = (v: AreaVisibility): VisibilityParams => ({
  seesAll: seesEverything(v) ? 1 : 0,
  serviceAll: v.service === null ? 1 : 0,
  serviceIds: v.service ?? [],
  productionAll: v.production === null ? 1 : 0,
  productionIds: v.production ?? [],
});

const AREA_PARAMS: Record<TicketArea, { all: "serviceAll" | "productionAll"; ids: "serviceIds" | "productionIds" }> = {
  service: { all: "serviceAll", ids: "serviceIds" },
  production: { all: "productionAll", ids: "productionIds" },
};

/** ticketVisible with the visibility as parameters (`p` holds placeholders when compiled). */
export function ticketVisibleParams(eb: TicketsEb, p: VisibilityParams, dialect: Dialect): Expression<SqlBool> {
  return eb.or([
    eb(eb.val(p.seesAll), "=", eb.lit(1)),
    ...TICKET_AREAS.map((area) =>
      eb.and([
        eb("t.area", "=", area),
        eb.or([
          eb(eb.val(p[AREA_PARAMS[area].all]), "=", eb.lit(1)),
          eb.exists(
            eb
              .selectFrom("person_categories as pc")
              .select(eb.lit(1).as("one"))
              .whereRef("pc.person_id", "=", "t.person_id")
              .where((inner) => inArray(inner.ref("pc.category_id"), p[AREA_PARAMS[area].ids], dialect)),
          ),
        ]),
      ]),
    ),
  ]);
}
