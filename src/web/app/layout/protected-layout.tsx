import { Navigate, useLocation } from "react-router";
import { isUnauthorized, MeContext, useMeQuery } from "../auth.ts";
import { useErrorMessage } from "../error-message.ts";
import { FullPageError, FullPageLoader } from "../full-page.tsx";
import { AppLayout } from "./app-layout.tsx";

/** Every page but /login: asks /api/me; a 401 goes to the login page, which brings the user back here. */
export function ProtectedLayout() {
  const me = useMeQuery();
  const location = useLocation();
  const errorMessage = useErrorMessage();

  if (isUnauthorized(me.error)) {
    const here = location.pathname + location.search;
    const to = here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  if (me.data) {
    return (
      <MeContext value={me.data}>
        <AppLayout />
      </MeContext>
    );
  }
  if (me.isError) return <FullPageError message={errorMessage(me.error)} onRetry={() => void me.refetch()} />;
  return <FullPageLoader />;
}
