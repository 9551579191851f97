package org.rfsweep.spec;

/**
 * The synthetic power-law Gaussian task (docs/THEORY.md section 4): x ~ N(0, I_modes), eigenvalues
 * i^-alpha, target coefficients v_i = i^(-beta/2), labels y = v.x + noise.
 *
 * @param alpha eigenvalue decay, > 1
 * @param beta target power decay, > 0
 * @param noise label-noise variance sigma^2, >= 0 (absolute, not relative)
 * @param modes number of modes M simulated (the theory is given the same M)
 * @param testSamples fresh test points per seed, for feature maps without an exact test-risk
 *     formula
 */
public record PowerLawTaskSpec(double alpha, double beta, double noise, int modes, int testSamples)
    implements TaskSpec {
  public PowerLawTaskSpec {
    Invariants.check(
        alpha > 1 && Double.isFinite(alpha), "task.alpha", "must be finite and > 1", alpha);
    Invariants.check(
        beta > 0 && Double.isFinite(beta), "task.beta", "must be finite and > 0", beta);
    Invariants.check(
        noise >= 0 && Double.isFinite(noise), "task.noise", "must be finite and >= 0", noise);
    Invariants.check(modes >= 1, "task.modes", "must be >= 1", modes);
    Invariants.check(testSamples >= 1, "task.test_samples", "must be >= 1", testSamples);
  }

  @Override
  public String type() {
    return "powerlaw";
  }
}
