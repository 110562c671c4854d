// The checkpoint thread's entry when the service runs from TypeScript (npm run dev, the tests): a worker thread
// does not inherit tsx's loader, so this plain-JavaScript entry loads the worker through tsx's API. The built
// service (dist/) starts sqlite-checkpoint-worker.js directly.
import { tsImport } from "tsx/esm/api";

await tsImport("./sqlite-checkpoint-worker.ts", import.meta.url);
