import { Suspense } from "react";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { lazyNamed } from "../../../app/lazy.ts";

// The buttons, their dialog and their strings load with the person screen's header, in a chunk of their own.
const PersonMailActions = lazyNamed(() => import("./person-mail-actions.tsx"), "PersonMailActions");

/** "Enviar e-mail" and "E-mails" in the person header's actions slot. */
export function PersonMailSlot({ person }: { person: Person }) {
  return (
    <Suspense fallback={null}>
      <PersonMailActions person={person} />
    </Suspense>
  );
}
