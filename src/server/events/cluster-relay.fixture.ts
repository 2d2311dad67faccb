// Run by bus.test.ts in its own process: a real node:cluster primary with three workers.
// Worker 1 publishes an acknowledged message; the primary counts how many workers reported
// their handler done before worker 1's publish returned, and prints it as JSON.
import cluster from "node:cluster";
import { startClusterRelay } from "./cluster-relay.ts";
import { createLocalBus } from "./local-bus.ts";

const WORKERS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (cluster.isPrimary) {
  const stop = startClusterRelay({ warn: (obj, msg) => console.error(msg, obj) });
  let ready = 0;
  let handled = 0;
  for (let i = 0; i < WORKERS; i += 1) cluster.fork();
  cluster.on("message", (worker, message: { fixture?: string }) => {
    if (message.fixture === "ready" && ++ready === WORKERS) cluster.workers?.["1"]?.send({ fixture: "go" });
    if (message.fixture === "handled") handled += 1;
    if (message.fixture === "returned") {
      console.log(JSON.stringify({ handledBeforeReturn: handled, workers: WORKERS }));
      stop();
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      void worker;
    }
  });
} else {
  const bus = createLocalBus();
  const id = cluster.worker?.id ?? 0;
  bus.subscribe("t", async () => {
    await sleep(50 * id);
    process.send?.({ fixture: "handled" });
  });
  process.on("message", async (message: { fixture?: string }) => {
    if (message.fixture !== "go") return;
    await bus.publish("t", { from: id }, { acknowledged: true });
    process.send?.({ fixture: "returned" });
  });
  process.send?.({ fixture: "ready" });
}
