import { expect } from "vitest";
import type { AppointmentWithOverlaps } from "../../shared/appointments.schemas.ts";
import type { AppContext } from "../context.ts";
import type { TestApp } from "./test-app.ts";

/** Ids of the default appointment types, by pt-BR name. */
export async function appointmentTypeIds(ctx: AppContext): Promise<Record<string, number>> {
  const rows = await ctx.db.selectFrom("appointment_types").select(["id", "name"]).execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** A valid body for POST /api/persons/{code}/appointments: a one-hour Reunião at `startsAt`. */
export function appointmentBody(
  types: Record<string, number>,
  startsAt: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    typeId: types.Reunião,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
    subject: "Apresentar o módulo fiscal",
    ...over,
  };
}

/** Creates an appointment through the API as `user`; fails the test unless it answers 201. */
export async function createAppointment(
  t: TestApp,
  user: { cookie: string },
  personCode: number,
  body: Record<string, unknown>,
): Promise<AppointmentWithOverlaps> {
  const res = await t.as(user, { method: "POST", url: `/api/persons/${personCode}/appointments`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The stored row, to prove that a refused request changed nothing. */
export const appointmentRow = (ctx: AppContext, id: number) =>
  ctx.db.selectFrom("appointments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

export const appointmentCount = async (ctx: AppContext) =>
  Number(
    (
      await ctx.db
        .selectFrom("appointments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
