package org.rfsweep.solver;

/**
 * Caller-owned output of a {@link RidgePath}: the coefficients and training errors of every ridge.
 * Its arrays only grow, so one instance serves a whole sweep without reallocating.
 *
 * <p>Coefficients of ridge {@code r} form a column-major {@code width x outputs} block starting at
 * {@code r * width * outputs}; the whole array is therefore a {@code width x (outputs * ridges)}
 * matrix.
 */
public final class RidgeSolution {
  private double[] coefficients = new double[0];
  private double[] trainMse = new double[0];
  private double[] looMse = new double[0];
  private double[] gcvMse = new double[0];
  private int width;
  private int outputs;
  private int ridges;

  /** Sizes the solution for a fit; contents are undefined until the fit writes them. */
  public void reset(int width, int outputs, int ridges) {
    this.width = width;
    this.outputs = outputs;
    this.ridges = ridges;
    if (coefficients.length < (long) width * outputs * ridges) {
      coefficients = new double[Math.multiplyExact(Math.multiplyExact(width, outputs), ridges)];
    }
    if (trainMse.length < ridges) {
      trainMse = new double[ridges];
      looMse = new double[ridges];
      gcvMse = new double[ridges];
    }
  }

  /**
   * The coefficient matrix, {@code width x (outputs * ridges)} column-major; longer than needed is
   * normal.
   */
  public double[] coefficients() {
    return coefficients;
  }

  /** Mean over samples of the squared training error summed over outputs, one per ridge. */
  public double[] trainMse() {
    return trainMse;
  }

  /**
   * Leave-one-out estimate of the test risk, one per ridge: the mean over samples of the squared
   * error of the fit without that sample, summed over outputs. NaN when a path does not compute it.
   */
  public double[] looMse() {
    return looMse;
  }

  /**
   * Generalised cross-validation estimate of the test risk, one per ridge; NaN where undefined
   * (interpolation).
   */
  public double[] gcvMse() {
    return gcvMse;
  }

  public double coefficient(int ridge, int output, int feature) {
    return coefficients[(ridge * outputs + output) * width + feature];
  }

  public int width() {
    return width;
  }

  public int outputs() {
    return outputs;
  }

  public int ridges() {
    return ridges;
  }
}
