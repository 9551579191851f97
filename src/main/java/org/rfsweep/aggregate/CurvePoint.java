package org.rfsweep.aggregate;

import org.rfsweep.io.Column;
import org.rfsweep.io.RecordColumns;

/**
 * One row of the {@code curves} table: a (width, samples, ridge) over its seeds.
 *
 * @param seeds successful seeds
 * @param failed failed seeds
 * @param testMean mean test risk over seeds; testSe its standard error, testSd the seeds' standard
 *     deviation
 * @param trainMean mean train risk; trainSe, trainSd likewise
 * @param looMean mean leave-one-out estimate (NaN when none)
 * @param gcvMean mean GCV estimate (NaN when undefined)
 * @param theoryTest theory test risk (NaN when the spectrum is unknown)
 * @param theoryTrain theory train risk (NaN when unknown)
 */
public record CurvePoint(
    double width,
    int samples,
    double ridge,
    long seeds,
    long failed,
    @Column("test_mse_mean") double testMean,
    @Column("test_mse_se") double testSe,
    @Column("test_mse_sd") double testSd,
    @Column("train_mse_mean") double trainMean,
    @Column("train_mse_se") double trainSe,
    @Column("train_mse_sd") double trainSd,
    @Column("loo_test_mse_mean") double looMean,
    @Column("gcv_test_mse_mean") double gcvMean,
    @Column("theory_test_mse") double theoryTest,
    @Column("theory_train_mse") double theoryTrain) {
  static final RecordColumns<CurvePoint> COLUMNS = RecordColumns.of(CurvePoint.class);
}
