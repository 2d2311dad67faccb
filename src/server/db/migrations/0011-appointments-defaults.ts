import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0009-appointments-defaults" inside 0009-appointments.ts; renamed (../migration-renames.ts).

export const defaultAppointmentTypes = [
  { name: "Visita técnica", color: "#1c7ed6", duration_minutes: 120 },
  { name: "Implantação", color: "#2f9e44", duration_minutes: 240 },
  { name: "Treinamento", color: "#f08c00", duration_minutes: 120 },
  { name: "Reunião", color: "#7048e8", duration_minutes: 60 },
  { name: "Ligação", color: "#0c8599", duration_minutes: 30 },
  { name: "Visita comercial", color: "#e8590c", duration_minutes: 90 },
] as const;

/** A new database starts with the usual appointment types. */
export const appointmentsDefaults: VinculoMigration = {
  name: "0011-appointments-defaults",
  async up(db) {
    await db
      .insertInto("appointment_types")
      .values(defaultAppointmentTypes.map((t) => ({ ...t })))
      .execute();
  },
};
