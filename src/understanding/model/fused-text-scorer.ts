// The prediction hot path: n-gram buckets → sublinear TF × IDF → unit length → class scores → softmax,
// in one pass and without allocating. It gives the same scores as `vectorizer.transform(text)` followed
// by `linearScores(model, ...)` (tested) but reads one interleaved
// row [idf, w_1 … w_k] per n-gram, and only rows of buckets the model uses are stored (a third of the
// hashed space), so the tables stay small enough for the cache: on long messages the time goes to cache
// misses, not arithmetic (README, "Understanding").
import { ngramBuckets, type TfidfVectorizer } from "./tfidf-vectorizer.ts";
import type { LinearModel } from "./linear-svm.ts";
import { softmaxInPlace } from "./softmax.ts";

/** 1 + ln(count) for small counts; larger counts fall back to Math.log. */
const SUBLINEAR = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

/** Everything a scorer needs, as plain typed arrays: what a training worker sends back to the service. */
export interface ScorerData {
  rowOf: Int32Array;
  table: Float32Array;
  bias: Float32Array;
  stride: number;
  temperature: number;
  maxN: number;
  mask: number;
}

export class FusedTextScorer {
  private readonly stride: number;
  /** Bucket → its row + 1, or 0 for a bucket the model ignores. */
  private readonly rowOf: Int32Array;
  /** Row r: [idf, w_1 … w_k] of the r-th used bucket. */
  private readonly table: Float32Array;
  private readonly bias: Float32Array;
  private readonly temperature: number;
  private readonly maxN: number;
  private readonly mask: number;
  /** Scratch, reset after every call: term counts by row, the rows touched, the n-grams. */
  private readonly counts: Uint16Array;
  private touched: Int32Array = new Int32Array(4096);
  private buckets: Int32Array = new Int32Array(4096);

  /** A scorer from data another thread trained (no copy of the tables). */
  static fromData(d: ScorerData): FusedTextScorer {
    return new FusedTextScorer(d);
  }

  constructor(source: TfidfVectorizer | ScorerData, model?: LinearModel) {
    if (!model) {
      const d = source as ScorerData;
      this.rowOf = d.rowOf;
      this.table = d.table;
      this.bias = d.bias;
      this.stride = d.stride;
      this.temperature = d.temperature;
      this.maxN = d.maxN;
      this.mask = d.mask;
      this.counts = new Uint16Array(d.table.length / d.stride);
      return;
    }
    const vectorizer = source as TfidfVectorizer;
    const k = model.labels.length;
    const size = vectorizer.idf.length;
    this.stride = k + 1;
    this.rowOf = new Int32Array(size);
    let rows = 0;
    for (let b = 0; b < size; b++) if (vectorizer.idf[b] !== 0) this.rowOf[b] = ++rows;
    this.table = new Float32Array(rows * this.stride);
    for (let b = 0; b < size; b++) {
      if (this.rowOf[b] === 0) continue;
      const at = (this.rowOf[b]! - 1) * this.stride;
      this.table[at] = vectorizer.idf[b]!;
      for (let c = 0; c < k; c++) this.table[at + 1 + c] = model.weights[b * k + c]!;
    }
    this.bias = model.bias;
    this.temperature = model.temperature;
    this.maxN = vectorizer.maxN;
    this.mask = vectorizer.mask;
    this.counts = new Uint16Array(rows);
  }

  /** The tables, to send to another thread (structured clone copies typed arrays). */
  toData(): ScorerData {
    const { rowOf, table, bias, stride, temperature, maxN, mask } = this;
    return { rowOf, table, bias, stride, temperature, maxN, mask };
  }

  /** Writes the probability of each label (in the model's label order) into `out`. */
  probabilities(text: string, out: Float64Array): void {
    this.scores(text, out);
    softmaxInPlace(out, this.temperature);
  }

  /** Writes the score (bias + weights · x) of each label into `out`. */
  scores(text: string, out: Float64Array): void {
    const { table, stride, counts, rowOf } = this;
    const k = stride - 1;
    const r = ngramBuckets(text, this.maxN, this.mask, this.buckets);
    this.buckets = r.out;
    const buckets = r.out;
    if (this.touched.length < r.count) this.touched = new Int32Array(r.count * 2);
    const touched = this.touched;
    let size = 0;
    for (let i = 0; i < r.count; i++) {
      const row = rowOf[buckets[i]!]! - 1;
      if (row < 0) continue;
      if (counts[row] === 0) touched[size++] = row;
      if (counts[row]! < 65535) counts[row]!++;
    }
    for (let c = 0; c < k; c++) out[c] = 0;
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const row = touched[i]!;
      const n = counts[row]!;
      counts[row] = 0;
      const at = row * stride;
      const v = (n < 256 ? SUBLINEAR[n]! : 1 + Math.log(n)) * table[at]!;
      norm += v * v;
      for (let c = 0; c < k; c++) out[c]! += table[at + 1 + c]! * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < k; c++) out[c] = this.bias[c]! + out[c]! * scale;
  }
}
