package org.rfsweep.data;

/**
 * A task whose inputs are z = Lambda^{1/2} x with x ~ N(0, I) and whose target is v . x plus
 * independent noise. For a linear predictor f(z) = u . z the test risk is then exact, |Lambda^{1/2}
 * u - v|^2 + sigma^2, with no test sampling noise (docs/THEORY.md section 1).
 */
public interface GaussianLinearTask extends TaskSource {

  /** sqrt(lambda_i), one per input coordinate. */
  double[] sqrtEigenvalues();

  /** Target coefficients v_i, one per input coordinate. */
  double[] targetCoefficients();

  /** Label-noise variance sigma^2. */
  double noiseVariance();
}
