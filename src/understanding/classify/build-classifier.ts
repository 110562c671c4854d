// The classifier the service runs: the offline model trained at start on the shipped examples plus this
// deployment's corrections (改类), retrained when corrections arrive; in front of it the LLM when one is
// configured (which falls back to the offline model on any failure).
import type { Db } from "../../infra/db/create-database.ts";
import type { Logger } from "../../infra/create-logger.ts";
import type { Config } from "../../infra/load-config.ts";
import type { Classifier } from "./classifier.ts";
import { readExamples } from "./labeled-examples.ts";
import { LearningClassifier } from "./learning-classifier.ts";
import { loadCorrections } from "./load-corrections.ts";
import {
  DEFAULT_REQUEST_TYPE_FILE,
  DEFAULT_TAXONOMY_FILE,
  DEFAULT_TRAINING_FILE,
  DEFAULT_CHAT_CASES_FILE,
} from "./offline-classifier.ts";
import { readChatCaseExamples } from "./chat-case-examples.ts";
import { trainOfflineInWorker } from "./train-offline-in-worker.ts";
import { readTaxonomy, type Taxonomy } from "./taxonomy.ts";

export interface BuiltClassifier {
  taxonomy: Taxonomy;
  /** The learning offline model: refresh() retrains it when corrections were stored. */
  offline: LearningClassifier;
  /** What the conversation asks: the LLM in front of the offline model, or the offline model alone. */
  classifier: Classifier;
}

/**
 * `db`: this deployment's corrections (改类) are learned from it; without one (npm run analyze) the model is
 * the shipped one, exactly as the service runs it on a fresh install.
 */
export async function buildClassifier(db: Db | null, llm: Config["llm"], log: Logger): Promise<BuiltClassifier> {
  const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
  const shipped = readExamples(DEFAULT_TRAINING_FILE);
  const chatCases = readChatCaseExamples(DEFAULT_CHAT_CASES_FILE);
  const chat = { urgency: chatCases.urgency, level1: chatCases.level1, matter: chatCases.matter };
  // The request type learns from the hand-written rows and from our chat matters alike.
  const requestTypes = [...readExamples(DEFAULT_REQUEST_TYPE_FILE), ...chatCases.requestType];
  const offline = await LearningClassifier.start(
    (corrections) => trainOfflineInWorker(taxonomy, [...shipped, ...corrections], requestTypes, chat),
    () => (db ? loadCorrections(db, taxonomy) : Promise.resolve([])),
    () => (db ? db.trainingExample.count() : Promise.resolve(0)),
    log,
  );
  await offline.refresh();
  if (!llm) return { taxonomy, offline, classifier: offline };
  // Loaded only when an LLM is configured: the OpenAI client is a large module most deployments never use.
  const { LlmClassifier } = await import("./llm-classifier.ts");
  return { taxonomy, offline, classifier: new LlmClassifier(llm, taxonomy, offline, log) };
}
