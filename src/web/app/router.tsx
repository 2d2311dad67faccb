import { lazy } from "react";
import { Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/login-page.tsx";
import { HomePage } from "./home-page.tsx";
import { ProtectedLayout } from "./layout/protected-layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAdmin } from "./require-admin.tsx";

// Administration is rarely visited: its pages (with zod and the form library) load on demand.
const UsersPage = lazy(() => import("../features/admin/users/users-page.tsx").then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() =>
  import("../features/admin/tokens/tokens-page.tsx").then((m) => ({ default: m.TokensPage })),
);
const ProfilesPage = lazy(() =>
  import("../features/admin/profiles/profiles-page.tsx").then((m) => ({ default: m.ProfilesPage })),
);
const SettingsPage = lazy(() =>
  import("../features/admin/settings/settings-page.tsx").then((m) => ({ default: m.SettingsPage })),
);

const OutboxPage = lazy(() =>
  import("../features/mail/components/outbox-page.tsx").then((m) => ({ default: m.OutboxPage })),
);

// Importações: the page, its strings and the upload code load with it.
const ImportsPage = lazy(() =>
  import("../features/imports/imports-page.tsx").then((m) => ({ default: m.ImportsPage })),
);

// The person screen and its forms carry zod and the form library: they load on first visit.
const PersonPage = lazy(() =>
  import("../features/persons/components/person/person-page.tsx").then((m) => ({ default: m.PersonPage })),
);
const NewPersonPage = lazy(() =>
  import("../features/persons/components/form/new-person-page.tsx").then((m) => ({ default: m.NewPersonPage })),
);

// Meus atendimentos: its strings and the tickets code come with the page.
const MyTicketsPage = lazy(() =>
  import("../features/tickets/components/my-tickets-page.tsx").then((m) => ({ default: m.MyTicketsPage })),
);

// Fatores críticos across the company: its code and strings load with the page.
const CriticalFactorsPage = lazy(() =>
  import("../features/watchers/components/critical-factors-page.tsx").then((m) => ({ default: m.CriticalFactorsPage })),
);

// Agenda: FullCalendar (large) and the appointments strings load only with the page.
const AgendaPage = lazy(() =>
  import("../features/appointments/agenda/agenda-page.tsx").then((m) => ({ default: m.AgendaPage })),
);

/**
 * Declarative routes: TanStack Query does the data loading, so the data router's loaders
 * and actions would be unused weight (~16 KiB gzipped on the first load).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<ProtectedLayout />}>
        <Route index element={<HomePage />} />
        <Route path="pessoas/nova" element={<NewPersonPage />} />
        <Route path="pessoas/:code" element={<PersonPage />} />
        <Route path="meus-atendimentos" element={<MyTicketsPage />} />
        <Route path="fatores-criticos" element={<CriticalFactorsPage />} />
        <Route path="agenda" element={<AgendaPage />} />
        <Route path="admin" element={<RequireAdmin />}>
          <Route path="usuarios" element={<UsersPage />} />
          <Route path="perfis" element={<ProfilesPage />} />
          <Route path="configuracoes" element={<SettingsPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="importacoes" element={<ImportsPage />} />
          <Route path="emails" element={<OutboxPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
