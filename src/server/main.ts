import { runServer } from "./run-server.ts";

/** `npm start`: see run-server.ts (shared with `vinculo start`). */
await runServer();
