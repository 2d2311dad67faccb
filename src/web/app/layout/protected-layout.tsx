import { useQuery } from "@tanstack/react-query";
import { Suspense, useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { DEFAULT_TIME_ZONE } from "../../../shared/time-zone.ts";
import { ApiError } from "../api.ts";
import { isUnauthorized, MeContext, useMeQuery } from "../auth.ts";
import { CompanyTimeZoneContext, companySettingsQuery, setCompanyTimeZone } from "../company-time-zone.ts";
import { useErrorMessage } from "../error-message.ts";
import { FullPageError, FullPageLoader } from "../full-page.tsx";
import { lazyNamed } from "../lazy.ts";
import { useLiveEvents } from "../live-events.ts";

// The frame (header, search, menus) is a chunk of its own, kept off the login page's first load.
const loadAppLayout = () => import("./app-layout.tsx");
const AppLayout = lazyNamed(loadAppLayout, "AppLayout");

/** Starts loading the frame without waiting for /api/me, so the two arrive together. */
export function preloadAppLayout(): void {
  // A failed load shows when the frame renders (the error boundary); nothing to do here.
  loadAppLayout().catch(() => undefined);
}

/**
 * Every page but /login: asks /api/me (a 401 goes to the login page, which brings the user back
 * here) and, at the same time, the company's time zone, which every date on screen is read in.
 */
export function ProtectedLayout() {
  const me = useMeQuery();
  const company = useQuery(companySettingsQuery);
  const location = useLocation();
  const errorMessage = useErrorMessage();
  useEffect(preloadAppLayout, []);
  useLiveEvents(Boolean(me.data));

  if (isUnauthorized(me.error)) {
    const here = location.pathname + location.search;
    const to = here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  // Without the settings (an old server, a failed request) the dates still show, in the default zone.
  if (me.data && !company.isPending) {
    const timeZone = company.data?.timeZone ?? DEFAULT_TIME_ZONE;
    // Before the children render: the formatters outside React read it from there.
    setCompanyTimeZone(timeZone);
    return (
      <MeContext value={me.data}>
        <CompanyTimeZoneContext value={timeZone}>
          <Suspense fallback={<FullPageLoader />}>
            <AppLayout />
          </Suspense>
        </CompanyTimeZoneContext>
      </MeContext>
    );
  }
  if (me.isError) {
    // No answer at all while the browser is offline: the shell opened from the service worker.
    const offline = me.error instanceof ApiError && me.error.status === 0 && !navigator.onLine;
    return <FullPageError message={errorMessage(me.error)} offline={offline} onRetry={() => void me.refetch()} />;
  }
  return <FullPageLoader />;
}
