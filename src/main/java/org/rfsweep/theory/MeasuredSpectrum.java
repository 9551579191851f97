package org.rfsweep.theory;

import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.linalg.SymmetricEigen;

/**
 * A pool's kernel eigenstructure (docs/THEORY.md section 5): eigendecompose K / P = U diag(lambda)
 * U^T, target coefficients v_i = u_i^T y / sqrt(P) per output, target power summed over outputs.
 * With the pool as the population, sweeps that sample from it are exactly described by the theory
 * with these (lambda_i, v_i^2).
 *
 * @param eigenvalues descending
 * @param targetPower v_i^2 summed over outputs, aligned with the eigenvalues
 */
public record MeasuredSpectrum(double[] eigenvalues, double[] targetPower) {

  /**
   * @param kernel column-major {@code points x points} kernel matrix; destroyed (overwritten by
   *     eigenvectors)
   * @param targets column-major {@code points x outputs}
   */
  public static MeasuredSpectrum of(double[] kernel, int points, double[] targets, int outputs) {
    for (int i = 0; i < points * points; i++) {
      kernel[i] /= points;
    }
    double[] values = new double[points];
    new SymmetricEigen().decompose(points, kernel, values);
    double[] coefficients = new double[points * outputs]; // U^T y, one column per output
    NativeLinalg.blas()
        .dgemm(
            "T",
            "N",
            points,
            outputs,
            points,
            1.0 / Math.sqrt(points),
            kernel,
            points,
            targets,
            points,
            0.0,
            coefficients,
            points);
    double[] eigenvalues = new double[points];
    double[] power = new double[points];
    for (int k = 0; k < points; k++) {
      int column = points - 1 - k; // LAPACK returns ascending order
      eigenvalues[k] = values[column];
      for (int o = 0; o < outputs; o++) {
        power[k] += coefficients[o * points + column] * coefficients[o * points + column];
      }
    }
    return new MeasuredSpectrum(eigenvalues, power);
  }

  /** The spectrum for the eigenframework. */
  public Spectrum toSpectrum() {
    return Spectrum.measured(eigenvalues, targetPower);
  }
}
