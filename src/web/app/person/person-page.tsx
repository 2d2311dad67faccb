import { useQuery } from "@tanstack/react-query";
import { Navigate, useLocation, useParams } from "react-router";
import { personQuery } from "../../features/persons/api/persons-api.ts";
import { isApiError } from "../api.ts";
import { formatPersonCode, parsePersonCode } from "../paths.ts";
import { PageLoader } from "../ui/page-loader.tsx";
import { QueryError } from "../ui/query-error.tsx";
import { PersonNotFound } from "./person-not-found.tsx";
import { PersonScreen } from "./person-screen.tsx";

/** Route /pessoas/:code: "42" is accepted and becomes "000042" in the address bar. */
export function PersonPage() {
  const { code: raw } = useParams();
  const { search } = useLocation();
  const code = parsePersonCode(raw);
  if (code === null) return <PersonNotFound code={raw ?? ""} />;
  const padded = formatPersonCode(code);
  if (raw !== padded) return <Navigate to={`/pessoas/${padded}${search}`} replace />;
  // A new key per person: nothing of the previous person's screen (dialogs, filters) stays.
  return <PersonLoader key={code} code={code} />;
}

function PersonLoader({ code }: { code: number }) {
  const person = useQuery(personQuery(code));
  if (person.isPending) return <PageLoader />;
  if (person.isError) {
    // 404 is also the answer for a person this user may not see: the same page for both.
    if (isApiError(person.error) && person.error.status === 404)
      return <PersonNotFound code={formatPersonCode(code)} />;
    return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  }
  return <PersonScreen person={person.data} />;
}
