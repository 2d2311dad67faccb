import { queryOptions } from "@tanstack/react-query";
import type { Category, Characteristic, RelationshipType } from "../../../../shared/settings.schemas.ts";
import { api } from "../../../app/api.ts";

/** Settings every logged-in user may read; they change rarely, so they stay fresh for a while. */
const settingsList = <T>(path: string) =>
  queryOptions({
    queryKey: ["settings", path],
    queryFn: () => api.get<{ items: T[] }>(`/api/settings/${path}`),
    staleTime: 5 * 60_000,
  });

export const categoriesQuery = settingsList<Category>("categories");
export const characteristicsQuery = settingsList<Characteristic>("characteristics");
export const relationshipTypesQuery = settingsList<RelationshipType>("relationship-types");
