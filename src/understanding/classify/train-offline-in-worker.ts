// Trains the offline classifier on a worker thread, so that neither the first training at start (under a
// second) nor a retraining after 改类 (seconds on a large correction set) stops the service answering
// callbacks and health checks. The result is the same model the same examples give on the main thread
// (training is deterministic); only its tables cross the thread boundary.
import { Worker } from "node:worker_threads";
import { textModelFromData, type TextModelData } from "../model/text-model.ts";
import type { LabeledExample } from "./labeled-examples.ts";
import { checkExamples, NO_CHAT_EXAMPLES, OfflineClassifier, type ChatExamples } from "./offline-classifier.ts";
import type { Taxonomy } from "./taxonomy.ts";

/** The worker's file next to this one: through tsx from the sources (development, tests), compiled when built. */
const WORKER = new URL(
  import.meta.url.endsWith(".ts") ? "./offline-training-worker.dev.mjs" : "./offline-training-worker.js",
  import.meta.url,
);

export function trainOfflineInWorker(
  taxonomy: Taxonomy,
  examples: LabeledExample[],
  requestTypes: LabeledExample[],
  chat: ChatExamples = NO_CHAT_EXAMPLES,
): Promise<OfflineClassifier> {
  checkExamples(taxonomy, examples, requestTypes, chat.level1); // a wrong label fails here, with its message
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { examples, requestTypes, chat, nonIssueLabel: taxonomy.nonIssueLabel },
    });
    worker.once(
      "message",
      (m: {
        category: TextModelData;
        requestType: TextModelData | null;
        urgency: TextModelData | null;
        level1: TextModelData | null;
        matter: TextModelData | null;
      }) => {
        resolve(
          new OfflineClassifier(taxonomy, {
            category: textModelFromData(m.category),
            requestType: m.requestType ? textModelFromData(m.requestType) : null,
            urgency: m.urgency ? textModelFromData(m.urgency) : null,
            level1: m.level1 ? textModelFromData(m.level1) : null,
            matter: m.matter ? textModelFromData(m.matter) : null,
          }),
        );
      },
    );
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the training thread stopped with code ${code}`));
    });
  });
}
