package org.rfsweep.solver;

/**
 * Fits ridge regression of labels on a feature matrix for a list of ridges.
 *
 * <p>The estimator minimises {@code sum_i |y_i - A^T phi_i|^2 + ridge |A|^2}: the ridge multiplies
 * the un-normalised loss, there is no intercept and no standardisation. Ridge 0 is the minimum-norm
 * least-squares solution.
 */
public interface RidgePath {

  /** Fits every ridge of a feature matrix stored with leading dimension {@code samples}. */
  default PathTimings fit(
      double[] phi,
      int samples,
      int width,
      double[] labels,
      int outputs,
      double[] ridges,
      RidgeSolution out) {
    return fit(phi, samples, samples, width, labels, outputs, ridges, out);
  }

  /**
   * Fits every ridge.
   *
   * @param phi column-major {@code samples x width} feature matrix with leading dimension {@code
   *     ld} (so it may be the top rows of a taller matrix); read only
   * @param ld leading dimension of {@code phi}, >= samples
   * @param samples rows of {@code phi}
   * @param width columns of {@code phi}
   * @param labels column-major {@code samples x outputs} labels (leading dimension {@code
   *     samples}); read only
   * @param outputs label columns (1 for a scalar target, the class count for one-hot targets)
   * @param ridges ridges, each finite and >= 0
   * @param out modified: receives the coefficients and training errors of every ridge
   * @return where the fit's time went
   */
  PathTimings fit(
      double[] phi,
      int ld,
      int samples,
      int width,
      double[] labels,
      int outputs,
      double[] ridges,
      RidgeSolution out);
}
