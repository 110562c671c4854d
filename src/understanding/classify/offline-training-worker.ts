// Runs in a worker thread (train-offline-in-worker.ts): trains the offline models from the examples it
// is given and sends back their tables. The dense training arrays live and die with this thread, so the
// service's own heap never holds them, and its event loop keeps answering while this trains.
import { parentPort, workerData } from "node:worker_threads";
import { trainTextModel } from "../model/text-model.ts";
import type { LabeledExample } from "./labeled-examples.ts";
import { CHAT_MODEL_OPTIONS, trainMatterModel, type ChatExamples } from "./offline-classifier.ts";

const { examples, requestTypes, chat, nonIssueLabel } = workerData as {
  examples: LabeledExample[];
  requestTypes: LabeledExample[];
  chat: ChatExamples;
  nonIssueLabel: string;
};
const category = trainTextModel(examples).data();
const requestType = requestTypes.length > 0 ? trainTextModel(requestTypes, CHAT_MODEL_OPTIONS).data() : null;
const urgency = chat.urgency.length > 0 ? trainTextModel(chat.urgency, CHAT_MODEL_OPTIONS).data() : null;
const level1 = chat.level1.length > 0 ? trainTextModel(chat.level1, CHAT_MODEL_OPTIONS).data() : null;
const matter = trainMatterModel(chat.matter, examples, nonIssueLabel)?.data() ?? null;
parentPort!.postMessage({ category, requestType, urgency, level1, matter });
