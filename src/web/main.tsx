import "@mantine/core/styles.css";
import "./app/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { ErrorBoundary } from "./app/error-boundary.tsx";
import { Providers } from "./app/providers.tsx";
import { AppRoutes } from "./app/router.tsx";
import { registerServiceWorker } from "./app/service-worker.ts";
import { languageReady } from "./i18n/index.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <BrowserRouter>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  ),
);

// Installable, and opens without a network (the application shell only; never API data).
registerServiceWorker();
