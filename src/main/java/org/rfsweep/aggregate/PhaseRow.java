package org.rfsweep.aggregate;

import org.rfsweep.io.Column;
import org.rfsweep.io.ResultTable;
import org.rfsweep.run.JobColumns;

/**
 * One row of the {@code phases} table: a task point's optimal ridge and fitting ratio at its phase
 * cell, by theory, closed form and experiment, and the exponents of its optimal risk
 * (docs/THEORY.md section 8).
 *
 * @param width the phase cell's width: the grid's largest
 * @param samples its sample count: the largest at that width with n <= width / 8 (near the kernel
 *     limit, away from the interpolation peak), else the largest at that width
 * @param theoryRidge the eigenframework's optimal ridge there (NaN without theory)
 * @param theoryRStar the fitting ratio R* at it
 * @param closedFormRStar the power-law closed form's R* in the kernel limit at the phase cell's n
 *     (its noise relative to that n; NaN where it does not apply)
 * @param empiricalRidge the grid ridge with the lowest mean test risk
 * @param empiricalFittingRatio R = train / test there
 * @param zeroOptimalTheory {@code yes} when the eigenframework's risk at ridge 0 is within 1% of
 *     its optimum (at finite width the optimal ridge at beta = alpha is small but not 0), {@code
 *     no}, or {@code unknown} without theory
 * @param zeroOptimalClosedForm {@code yes} when the closed form's R* is 0, {@code no}, or {@code
 *     n/a}
 * @param zeroOptimalMeasured {@code yes} when ridge 0's test risk exceeds the best ridge's by at
 *     most two standard errors (paired over seeds) or 1% of the best ridge's risk, {@code no}, or
 *     {@code n/a} without ridge 0
 * @param zeroExcess mean over seeds of test risk at ridge 0 minus at the best ridge, with its
 *     standard error
 * @param widthExponent the optimal risk's exponent against width (offset model, at the largest
 *     sample count with a width sweep), with theory's beside it; samplesExponent likewise
 */
public record PhaseRow(
    double width,
    int samples,
    @Column("theory_optimal_ridge") double theoryRidge,
    @Column("theory_r_star") double theoryRStar,
    @Column("closed_form_r_star") double closedFormRStar,
    @Column("empirical_optimal_ridge") double empiricalRidge,
    double empiricalFittingRatio,
    @Column("zero_ridge_optimal_theory") String zeroOptimalTheory,
    @Column("zero_ridge_optimal_closed_form") String zeroOptimalClosedForm,
    @Column("zero_ridge_optimal_measured") String zeroOptimalMeasured,
    @Column("zero_ridge_excess") double zeroExcess,
    @Column("zero_ridge_excess_se") double zeroExcessSe,
    double widthExponent,
    double theoryWidthExponent,
    double samplesExponent,
    double theorySamplesExponent) {
  public static final ResultTable<PhaseRow> TABLE =
      ResultTable.of("phases", JobColumns.class, PhaseRow.class);
  public static final String YES = "yes";
  public static final String NO = "no";
}
