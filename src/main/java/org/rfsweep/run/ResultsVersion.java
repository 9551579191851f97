package org.rfsweep.run;

/**
 * The version of the numbers rfsweep computes. A cell's key holds it (not the code's commit), so a
 * commit that cannot change any fit (docs, the report, the driver) resumes a folder instead of
 * recomputing it. Bump it on purpose when a change can change a fit's numbers (data or feature
 * draws, the solver, the test risk): {@code GoldenValuesTest} fails on such a change until the
 * golden values are regenerated, and its message asks for the bump. A folder holding rows of
 * another version is refused unless {@code --supersede} moves them aside.
 */
public final class ResultsVersion {
  public static final String CURRENT = "3";

  private ResultsVersion() {}
}
