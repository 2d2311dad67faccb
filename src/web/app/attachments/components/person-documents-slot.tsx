import { Suspense } from "react";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { lazyNamed } from "../../../app/lazy.ts";

// The button, its drawer and their strings load with the person screen's header, in a chunk of their own.
const PersonDocumentsAction = lazyNamed(() => import("./person-documents.tsx"), "PersonDocumentsAction");

/** "Documentos" in the person header's actions slot. */
export function PersonDocumentsSlot({ person }: { person: Person }) {
  return (
    <Suspense fallback={null}>
      <PersonDocumentsAction person={person} />
    </Suspense>
  );
}
