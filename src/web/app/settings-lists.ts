import { queryOptions } from "@tanstack/react-query";
import type {
  Category,
  Characteristic,
  Product,
  RelationshipType,
  Sector,
  TicketType,
} from "../../shared/settings.schemas.ts";
import type { UserRow } from "../../shared/users.schemas.ts";
import { api } from "./api.ts";

/**
 * The settings lists every logged-in user may read (the pickers of tickets, appointments, persons
 * and critical factors). They change rarely, so they stay fresh for a while; the settings page's
 * lists share their keys, so a change made there refreshes these too.
 */
const settingsList = <T>(path: string) =>
  queryOptions({
    queryKey: ["settings", path],
    queryFn: () => api.get<{ items: T[] }>(`/api/settings/${path}`),
    staleTime: 5 * 60_000,
  });

export const categoriesQuery = settingsList<Category>("categories");
export const characteristicsQuery = settingsList<Characteristic>("characteristics");
export const relationshipTypesQuery = settingsList<RelationshipType>("relationship-types");
export const ticketTypesQuery = settingsList<TicketType>("ticket-types");
export const sectorsQuery = settingsList<Sector>("sectors");
export const productsQuery = settingsList<Product>("products");

/**
 * The user list is for administrators only (GET /api/users); other users pick themselves or
 * someone already on the record. Same key as the admin users page, so they share the cache.
 */
export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: () => api.get<{ items: UserRow[]; nextCursor: string | null }>("/api/users"),
  staleTime: 60_000,
});
