package org.rfsweep.features;

import org.rfsweep.spec.FeatureKind;

/**
 * A random feature map g_j(x) = activation(w_j . x). The 1/sqrt(N) normalisation is applied by
 * whoever knows the width, so one bank of raw features serves every width.
 */
public interface FeatureMap {

  FeatureKind kind();

  /**
   * Draws the weights of features {@code from .. from+count-1}.
   *
   * @param out modified: column-major {@code inputDimension x count}, feature j's weight vector in
   *     column j
   */
  void weights(long jobSeed, int seedIndex, int from, int count, double[] out);

  /**
   * Applies the activation of feature {@code feature} (its index in the bank) in place to its raw
   * projections w . x at {@code data[offset .. offset+length-1]}. A map may keep per-feature draws
   * besides the weights (the rff phases): activation uses those of the bank this instance drew
   * last, so one instance serves one seed at a time.
   */
  void activate(int feature, double[] data, int offset, int length);

  /**
   * The infinite-width kernel k(x, x') = lim Phi Phi^T as a function of x . x' and the squared
   * norms: what a kernel cell (width inf) fits with ({@link Kernels#value}).
   */
  Kernels.Kernel kernel();
}
