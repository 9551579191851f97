package org.rfsweep.aggregate;

import org.rfsweep.io.ResultTable;
import org.rfsweep.run.JobColumns;

/**
 * One row of the {@code claims} table.
 *
 * @param claim e.g. {@code more_features_better}
 * @param scope what was checked (which sweeps, cells, tolerances)
 * @param verdict {@code holds}, {@code fails} or {@code not tested} (empirical)
 * @param theoryVerdict the same check on the theory values ({@code holds}, {@code fails}, {@code no
 *     theory})
 * @param evidence the numbers behind the verdict, in words
 * @param checked comparisons or cells checked
 * @param violations how many of them went against the claim
 * @param worst the worst case, in the unit the evidence names
 */
public record Claim(
    String claim,
    String scope,
    String verdict,
    String theoryVerdict,
    String evidence,
    long checked,
    long violations,
    double worst) {
  public static final ResultTable<Claim> TABLE =
      ResultTable.of("claims", JobColumns.class, Claim.class);
  public static final String HOLDS = "holds";
  public static final String FAILS = "fails";
  public static final String NOT_TESTED = "not tested";
  public static final String NO_THEORY = "no theory";
}
