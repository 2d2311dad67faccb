import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedCreated, CalendarFeedStatus } from "../../../../shared/appointments.schemas.ts";
import { api } from "../../../app/api.ts";

const feedKey = ["me", "calendar-feed"] as const;

/** Whether my private iCalendar address is active; the address itself is only shown when created. */
export const calendarFeedQuery = queryOptions({
  queryKey: feedKey,
  queryFn: () => api.get<CalendarFeedStatus>("/api/me/calendar-feed"),
});

/** Creating again replaces the address: the previous one stops working. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedCreated>("/api/me/calendar-feed"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<null>("/api/me/calendar-feed"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}
