// Runs in a worker thread (train-offline-in-worker.ts): trains the offline models from the examples it
// is given and sends back their tables. The dense training arrays live and die with this thread, so the
// service's own heap never holds them, and its event loop keeps answering while this trains.
import { parentPort, workerData } from "node:worker_threads";
import { trainTextModel } from "../model/text-model.ts";
import type { LabeledExample } from "./labeled-examples.ts";

const { examples, requestTypes, urgencyExamples } = workerData as {
  examples: LabeledExample[];
  requestTypes: LabeledExample[];
  urgencyExamples: LabeledExample[];
};
const category = trainTextModel(examples).data();
const requestType = requestTypes.length > 0 ? trainTextModel(requestTypes).data() : null;
const urgency = urgencyExamples.length > 0 ? trainTextModel(urgencyExamples).data() : null;
parentPort!.postMessage({ category, requestType, urgency });
