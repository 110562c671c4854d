// The offline classifier of this deployment: trained on the shipped examples plus every correction
// staff made (改类, stored as TrainingExample rows). refresh() retrains (on a worker thread in the service)
// and swaps the model in when done; calls that arrive during a retrain coalesce into one more run. Other replicas
// pick corrections up on their next refresh (at start and on the periodic check).
import type { Logger } from "../../infra/create-logger.ts";
import type { Classification, Classifier } from "./classifier.ts";
import type { LabeledExample } from "./labeled-examples.ts";
import type { OfflineClassifier } from "./offline-classifier.ts";

type Trainer = (corrections: LabeledExample[]) => OfflineClassifier | Promise<OfflineClassifier>;

export class LearningClassifier implements Classifier {
  readonly name: string;
  private current: OfflineClassifier;
  private learned = 0;
  /** Stored rows seen at the last retrain (some may be skipped as outside the taxonomy). */
  private stored = 0;
  private running: Promise<void> | null = null;
  private again = false;

  /** Trains the first model (shipped examples only) and returns the classifier using it. */
  static async start(
    train: Trainer,
    loadCorrections: () => Promise<LabeledExample[]>,
    countCorrections: () => Promise<number>,
    log: Logger,
  ): Promise<LearningClassifier> {
    return new LearningClassifier(train, loadCorrections, countCorrections, log, await train([]));
  }

  private constructor(
    /** Builds a model from the shipped examples plus `corrections` (on a worker thread in the service). */
    private readonly train: Trainer,
    /** Reads this deployment's corrections (labels outside the taxonomy already filtered out). */
    private readonly loadCorrections: () => Promise<LabeledExample[]>,
    /** Counts the stored corrections: the cheap check run before reading them all. */
    private readonly countCorrections: () => Promise<number>,
    private readonly log: Logger,
    initial: OfflineClassifier,
  ) {
    this.current = initial;
    this.name = this.current.name;
  }

  /** How many corrections the current model was trained with. */
  get correctionsLearned(): number {
    return this.learned;
  }

  classify(text: string): Promise<Classification> {
    return this.current.classify(text);
  }

  /** Retrains with the stored corrections. Resolves when a model including them is in use. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const stored = await this.countCorrections();
        if (stored === this.stored) continue;
        const corrections = await this.loadCorrections();
        const started = Date.now();
        this.current = await this.train(corrections);
        this.learned = corrections.length;
        this.stored = stored;
        this.log.info(
          { corrections: corrections.length, ms: Date.now() - started },
          "classifier retrained with staff corrections",
        );
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
