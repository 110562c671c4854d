// A sparse feature vector: the non-zero entries of a TF-IDF vector, as parallel typed arrays.

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}
