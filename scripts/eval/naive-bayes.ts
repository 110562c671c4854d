// Multinomial naive Bayes with Laplace smoothing: trains in one pass, predicts in O(features × labels).
// Kept as the baseline of `npm run eval -- --model nb`; the offline classifier uses text-model.ts,
// which measured better (README, "Understanding").
// Predictions return a proper posterior (softmax of log-likelihoods) used as the confidence.

export interface LabeledFeatures {
  features: string[];
  label: string;
}

export interface Prediction {
  label: string;
  probability: number;
  /** All labels, most probable first. */
  ranking: Array<{ label: string; probability: number }>;
}

export class NaiveBayes {
  private readonly labels: string[] = [];
  private readonly logPrior = new Map<string, number>();
  /** feature → log P(feature | label) per label index. */
  private readonly logLikelihood = new Map<string, Float64Array>();
  /** log P(unseen feature | label): the smoothing mass. */
  private unseen = new Float64Array(0);

  constructor(private readonly alpha = 0.5) {}

  static train(examples: LabeledFeatures[], alpha?: number): NaiveBayes {
    const model = new NaiveBayes(alpha);
    model.fit(examples);
    return model;
  }

  private fit(examples: LabeledFeatures[]): void {
    if (examples.length === 0) throw new Error("naive Bayes needs at least one example");
    const docCount = new Map<string, number>();
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    const vocabulary = new Set<string>();
    for (const { features, label } of examples) {
      docCount.set(label, (docCount.get(label) ?? 0) + 1);
      const c = counts.get(label) ?? new Map<string, number>();
      counts.set(label, c);
      for (const f of features) {
        c.set(f, (c.get(f) ?? 0) + 1);
        vocabulary.add(f);
      }
      totals.set(label, (totals.get(label) ?? 0) + features.length);
    }
    this.labels.push(...[...docCount.keys()].sort());
    const v = vocabulary.size;
    this.unseen = new Float64Array(this.labels.length);
    this.labels.forEach((label, i) => {
      this.logPrior.set(label, Math.log(docCount.get(label)! / examples.length));
      this.unseen[i] = Math.log(this.alpha / (totals.get(label)! + this.alpha * v));
    });
    for (const f of vocabulary) {
      const row = new Float64Array(this.labels.length);
      this.labels.forEach((label, i) => {
        const n = counts.get(label)!.get(f) ?? 0;
        row[i] = Math.log((n + this.alpha) / (totals.get(label)! + this.alpha * v));
      });
      this.logLikelihood.set(f, row);
    }
  }

  predict(features: string[]): Prediction {
    const scores = this.labels.map((l) => this.logPrior.get(l)!);
    let known = 0;
    for (const f of features) {
      const row = this.logLikelihood.get(f);
      if (!row) continue; // a feature never seen in training says nothing about any label
      known++;
      for (let i = 0; i < scores.length; i++) scores[i]! += row[i]!;
    }
    if (known === 0) for (let i = 0; i < scores.length; i++) scores[i]! += this.unseen[i]!;
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const ranking = this.labels
      .map((label, i) => ({ label, probability: exp[i]! / sum }))
      .sort((a, b) => b.probability - a.probability);
    return { label: ranking[0]!.label, probability: ranking[0]!.probability, ranking };
  }
}
