package org.rfsweep.spec;

/**
 * The synthetic power-law Gaussian task (THEORY.md section 3): x ~ N(0, I_modes), eigenvalues i^-alpha, target
 * coefficients v_i = i^(-beta/2), labels y = v.x + noise.
 *
 * @param alpha       eigenvalue decay, > 1
 * @param beta        target power decay, > 0
 * @param noise       label-noise variance sigma^2, >= 0 (absolute, not relative)
 * @param modes       number of modes M simulated (the theory is given the same M)
 * @param testSamples fresh test points per seed, for feature maps without an exact test-risk formula
 */
public record PowerLawTaskSpec(double alpha, double beta, double noise, int modes, int testSamples)
    implements TaskSpec {

  @Override
  public String type() {
    return "powerlaw";
  }
}
