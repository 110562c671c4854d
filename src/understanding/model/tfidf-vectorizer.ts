// Character n-gram TF-IDF with the hashing trick: each n-gram (1..maxN characters of the normalized
// text) is hashed from its code points straight into one of 2^bits buckets, so no n-gram string is
// ever built and no vocabulary is kept — that is what makes prediction fast (README, "Understanding").
// IDF is learned per bucket from the training texts; term frequency is sublinear; each vector has unit
// (L2) length.
import type { SparseVector } from "./sparse-vector.ts";

export interface VectorizerOptions {
  /** Longest n-gram; 1..maxN are all used. 2 beat 3 and 4 in cross-validation (and is faster). */
  maxN?: number;
  /** log2 of the number of hash buckets. */
  bits?: number;
  /** Buckets seen in fewer training texts are ignored (noise, and most hash collisions). */
  minDf?: number;
}

/**
 * The code unit kept for hashing, or -1 to drop it: full-width ASCII becomes ASCII, ASCII letters are
 * lower-cased, digits / letters / Han are kept, spaces and punctuation (ASCII, CJK, full-width,
 * general) are dropped. A fast stand-in for NFKC + lower case + "letters and digits only".
 */
function keep(u: number): number {
  if (u >= 0xff01 && u <= 0xff5e) u -= 0xfee0; // full-width forms
  if (u < 0x80) {
    if (u >= 0x41 && u <= 0x5a) return u + 32;
    return (u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7a) ? u : -1;
  }
  if (
    (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xff00 && u <= 0xffef)
  )
    return -1;
  return u === 0xa0 ? -1 : u;
}

/** Scratch for cleaned code units; grown when a text is longer. */
let units = new Int32Array(4096);

/**
 * Writes the bucket of every character n-gram (1..maxN) of the cleaned text into `out` (grown as
 * needed) and returns { out, count }. No strings and no closures: this loop is the classifier's hot path.
 */
export function ngramBuckets(
  text: string,
  maxN: number,
  mask: number,
  out: Int32Array,
): { out: Int32Array; count: number } {
  if (units.length < text.length) units = new Int32Array(text.length * 2);
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const u = keep(text.charCodeAt(i));
    if (u >= 0) units[len++] = u;
  }
  if (out.length < len * maxN) out = new Int32Array(len * maxN * 2);
  let count = 0;
  for (let i = 0; i < len; i++) {
    let h = 0x811c9dc5; // FNV-1a offset basis
    for (let n = 0; n < maxN && i + n < len; n++) {
      h = Math.imul(h ^ units[i + n]!, 0x01000193);
      out[count++] = (Math.imul(h ^ (n + 1), 0x01000193) >>> 0) & mask; // salted with the length
    }
  }
  return { out, count };
}

export class TfidfVectorizer {
  /** Scratch space for transform(): term counts by bucket and the buckets touched. */
  private readonly counts: Float32Array;
  private readonly touched: Int32Array;
  private buckets: Int32Array = new Int32Array(4096);

  private constructor(
    /** IDF per bucket; 0 marks a bucket that is ignored. */
    readonly idf: Float32Array,
    /** Longest n-gram. */
    readonly maxN: number,
    /** Bucket mask (number of buckets − 1). */
    readonly mask: number,
  ) {
    this.counts = new Float32Array(idf.length);
    this.touched = new Int32Array(idf.length);
  }

  get dimensions(): number {
    return this.idf.length;
  }

  static fit(texts: string[], opts: VectorizerOptions = {}): TfidfVectorizer {
    const maxN = opts.maxN ?? 2;
    const minDf = opts.minDf ?? 2;
    const size = 1 << (opts.bits ?? 18);
    const mask = size - 1;
    const df = new Uint32Array(size);
    const seen = new Uint32Array(size); // last text index + 1 that counted the bucket
    let buf: Int32Array = new Int32Array(4096);
    texts.forEach((text, t) => {
      const r = ngramBuckets(text, maxN, mask, buf);
      buf = r.out;
      for (let i = 0; i < r.count; i++) {
        const b = buf[i]!;
        if (seen[b] !== t + 1) {
          seen[b] = t + 1;
          df[b]!++;
        }
      }
    });
    const idf = new Float32Array(size);
    for (let b = 0; b < size; b++) idf[b] = df[b]! < minDf ? 0 : Math.log((1 + texts.length) / (1 + df[b]!)) + 1;
    return new TfidfVectorizer(idf, maxN, mask);
  }

  transform(text: string): SparseVector {
    const { counts, touched, idf } = this;
    const r = ngramBuckets(text, this.maxN, this.mask, this.buckets);
    this.buckets = r.out;
    let size = 0;
    for (let i = 0; i < r.count; i++) {
      const b = r.out[i]!;
      if (idf[b] === 0) continue;
      if (counts[b] === 0) touched[size++] = b;
      counts[b]!++;
    }
    const indices = new Int32Array(size);
    const values = new Float32Array(size);
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const index = touched[i]!;
      const v = (1 + Math.log(counts[index]!)) * idf[index]!;
      counts[index] = 0;
      indices[i] = index;
      values[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < values.length; j++) values[j]! /= norm;
    return { indices, values };
  }
}
