import { Suspense } from "react";
import { Route, Routes } from "react-router";
import { FullPageLoader } from "./full-page.tsx";
import { HomePage } from "./home-page.tsx";
import { ProtectedLayout, preloadAppLayout } from "./layout/protected-layout.tsx";
import { lazyNamed } from "./lazy.ts";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAdmin } from "./require-admin.tsx";

// The login page and the logged-in frame are two screens that never show together: each loads in
// a chunk of its own. Once the login page is in, the frame follows while the user types.
const LoginPage = lazyNamed(async () => {
  const login = await import("../features/auth/components/login-page.tsx");
  preloadAppLayout();
  return login;
}, "LoginPage");

// Administration is rarely visited: its pages (with zod and the form library) load on demand.
const UsersPage = lazyNamed(() => import("../features/admin/components/users/users-page.tsx"), "UsersPage");
const TokensPage = lazyNamed(() => import("../features/admin/components/tokens/tokens-page.tsx"), "TokensPage");
const WebhooksPage = lazyNamed(() => import("../features/admin/components/webhooks/webhooks-page.tsx"), "WebhooksPage");
const ProfilesPage = lazyNamed(() => import("../features/admin/components/profiles/profiles-page.tsx"), "ProfilesPage");
const SettingsPage = lazyNamed(() => import("./settings/settings-page.tsx"), "SettingsPage");

const OutboxPage = lazyNamed(() => import("../features/mail/components/outbox-page.tsx"), "OutboxPage");

// Importações: the page, its strings and the upload code load with it.
const ImportsPage = lazyNamed(() => import("../features/imports/components/imports-page.tsx"), "ImportsPage");

// The person screen and its forms carry zod and the form library: they load on first visit.
const PersonPage = lazyNamed(() => import("./person/person-page.tsx"), "PersonPage");
const NewPersonPage = lazyNamed(
  () => import("../features/persons/components/form/new-person-page.tsx"),
  "NewPersonPage",
);

// Meus atendimentos: its strings and the tickets code come with the page.
const MyTicketsPage = lazyNamed(() => import("../features/tickets/components/my-tickets-page.tsx"), "MyTicketsPage");

// Fatores críticos across the company: its code and strings load with the page.
const CriticalFactorsPage = lazyNamed(
  () => import("../features/watchers/components/critical-factors-page.tsx"),
  "CriticalFactorsPage",
);

// Agenda: FullCalendar (large) and the appointments strings load only with the page.
const AgendaPage = lazyNamed(() => import("../features/appointments/components/agenda/agenda-page.tsx"), "AgendaPage");

/**
 * Declarative routes: TanStack Query does the data loading, so the data router's loaders
 * and actions would be unused weight (~16 KiB gzipped on the first load).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageLoader />}>
            <LoginPage />
          </Suspense>
        }
      />
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
          <Route path="integracoes" element={<WebhooksPage />} />
          <Route path="importacoes" element={<ImportsPage />} />
          <Route path="emails" element={<OutboxPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
