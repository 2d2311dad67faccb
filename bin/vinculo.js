#!/usr/bin/env node
// The `vinculo` command: runs the TypeScript sources directly (tsx compiles them as they load).
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/server/cli.ts");
await runCli(process.argv.slice(2));
