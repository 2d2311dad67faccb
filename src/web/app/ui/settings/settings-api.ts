import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AppointmentType } from "../../../../shared/appointments.schemas.ts";
import type {
  Category,
  Characteristic,
  Product,
  RelationshipType,
  Sector,
  TicketType,
} from "../../../../shared/settings.schemas.ts";
import { api } from "../../api.ts";

/** The settings lists this page edits, by their path under /api/settings. */
export type SettingsItems = {
  categories: Category;
  characteristics: Characteristic;
  "relationship-types": RelationshipType;
  "ticket-types": TicketType;
  sectors: Sector;
  products: Product;
  "appointment-types": AppointmentType;
};
export type SettingsPath = keyof SettingsItems;

export const settingsQuery = <P extends SettingsPath>(path: P) =>
  queryOptions({
    queryKey: ["settings", path],
    queryFn: () => api.get<{ items: SettingsItems[P][] }>(`/api/settings/${path}`),
  });

export const categoriesQuery = settingsQuery("categories");

/** POST without an id, PATCH (the body carries `version`) with one. */
export function useSaveSetting<P extends SettingsPath>(path: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: object }) =>
      id === null
        ? api.post<SettingsItems[P]>(`/api/settings/${path}`, body)
        : api.patch<SettingsItems[P]>(`/api/settings/${path}/${id}`, body),
    // Also after a 412, so the list shows what the other person saved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["settings", path] }),
  });
}
