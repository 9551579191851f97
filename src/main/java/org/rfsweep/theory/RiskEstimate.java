package org.rfsweep.theory;

/**
 * The RF eigenframework's prediction for one (spectrum, noise, width, samples, ridge).
 *
 * @param testMse E_te, noise included; +Infinity at the ridgeless n = N peak
 * @param trainMse E_tr = ((n - z)/n)^2 E_te
 * @param gamma effective ridge gamma
 * @param kappa kappa = gamma (1 - z/N) (= gamma at infinite width)
 * @param df2 second degrees-of-freedom quantity of the overfitting coefficient
 * @param overfitting E0 = n / (n - df2)
 */
public record RiskEstimate(
    double testMse, double trainMse, double gamma, double kappa, double df2, double overfitting) {

  /** Train over test risk: 0 when interpolating, towards 1 when heavily regularised. */
  public double fittingRatio() {
    return Double.isInfinite(testMse) ? 0.0 : trainMse / testMse;
  }
}
