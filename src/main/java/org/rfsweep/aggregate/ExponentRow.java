package org.rfsweep.aggregate;

import org.rfsweep.io.Column;
import org.rfsweep.io.ResultTable;
import org.rfsweep.run.JobColumns;

/**
 * One row of the {@code exponents} table: a power-law fit of the optimal test risk along one sweep.
 *
 * @param sweep {@code width} (risk against width at fixed samples), {@code samples}, or {@code
 *     joint}
 * @param model {@code pure} (A x^-a), {@code offset} (E + A x^-a) or {@code joint} (E + A N^-a + B
 *     n^-b)
 * @param fixedAxis the axis held fixed ({@code samples} or {@code width}), empty for joint
 * @param fixedValue its value, 0 for joint
 * @param exponent a, with a 95% bootstrap interval [exponentLow, exponentHigh]
 * @param exponent2 b of the joint fit (NaN otherwise), with its interval
 * @param offset E (0 for pure)
 * @param amplitude A; amplitude2 is B of the joint fit
 * @param loss robust loss at the fit
 * @param theoryExponent the same fit of the theory-optimal risk at the same points (NaN without
 *     theory)
 */
public record ExponentRow(
    String sweep,
    String model,
    String fixedAxis,
    double fixedValue,
    long points,
    double exponent,
    @Column("exponent_ci_low") double exponentLow,
    @Column("exponent_ci_high") double exponentHigh,
    @Column("exponent_samples") double exponent2,
    @Column("exponent_samples_ci_low") double exponent2Low,
    @Column("exponent_samples_ci_high") double exponent2High,
    double offset,
    double amplitude,
    @Column("amplitude_samples") double amplitude2,
    double loss,
    double theoryExponent,
    @Column("theory_exponent_samples") double theoryExponent2,
    long bootstrapCount,
    long bootstrapSeed) {
  public static final ResultTable<ExponentRow> TABLE =
      ResultTable.of("exponents", JobColumns.class, ExponentRow.class);
}
