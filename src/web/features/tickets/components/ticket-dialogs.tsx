import type { TicketArea } from "../../../../shared/tickets.schemas.ts";
import { DuplicateDialog } from "./duplicate-dialog.tsx";
import { HistoryDrawer } from "./history-drawer.tsx";
import { InternalContactModal } from "./internal-contact-modal.tsx";
import { NewTicketModal } from "./new-ticket-modal.tsx";
import { NoteModal } from "./note-modal.tsx";
import { SubjectModal } from "./subject-modal.tsx";
import { TicketDetailsDrawer } from "./ticket-details-drawer.tsx";
import type { OpenDialog } from "./tickets-tab.tsx";

/** Every dialog of the tab; only the one asked for is open (and mounted with content). */
export function TicketDialogs({
  area,
  code,
  categoryId,
  dialog,
  onClose,
  onCreated,
}: {
  area: TicketArea;
  code: number;
  categoryId: number;
  dialog: OpenDialog;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { action, ticket } = dialog;
  const is = (a: OpenDialog["action"]) => dialog.opened && action === a;
  return (
    <>
      <NewTicketModal
        area={area}
        code={code}
        categoryId={categoryId}
        opened={is("new")}
        onClose={onClose}
        onCreated={onCreated}
      />
      <NoteModal
        ticket={ticket}
        mode={action === "reopen" ? "reopen" : "note"}
        opened={is("note") || is("reopen")}
        onClose={onClose}
      />
      <HistoryDrawer ticket={ticket} opened={is("history")} onClose={onClose} />
      <TicketDetailsDrawer ticket={ticket} opened={is("details")} onClose={onClose} />
      <SubjectModal ticket={ticket} opened={is("subject")} onClose={onClose} />
      <InternalContactModal ticket={ticket} opened={is("contact")} onClose={onClose} />
      <DuplicateDialog ticket={ticket} opened={is("duplicate")} onClose={onClose} />
    </>
  );
}
