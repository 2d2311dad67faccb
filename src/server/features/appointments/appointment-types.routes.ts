import {
  appointmentType,
  createAppointmentTypeBody,
  updateAppointmentTypeBody,
} from "../../../shared/appointments.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Api } from "../../types.ts";
import { settingsResource } from "../settings/settings-resource.ts";

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Tipos de agendamento (Configurador › Agendamentos): any user reads them, administrators edit them. */
export function appointmentTypesRoutes(app: Api, ctx: AppContext): void {
  settingsResource(app, ctx, {
    path: "appointment-types",
    table: "appointment_types",
    label: "tipo de agendamento",
    item: appointmentType,
    create: createAppointmentTypeBody,
    update: updateAppointmentTypeBody,
    toItem: (r) => ({
      id: r.id as number,
      name: r.name as string,
      color: r.color as string,
      durationMinutes: r.duration_minutes as number,
      isActive: r.is_active === 1,
      version: r.version as number,
    }),
    toRow: (b) => defined({ name: b.name, color: b.color, duration_minutes: b.durationMinutes }),
  });
}
