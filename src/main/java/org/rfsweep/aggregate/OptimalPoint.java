package org.rfsweep.aggregate;

import org.rfsweep.io.Column;
import org.rfsweep.io.ResultTable;
import org.rfsweep.run.JobColumns;

/**
 * One row of the {@code optimal} table: the best ridge of a (width, samples) cell.
 *
 * @param bestRidge ridge of the grid with the lowest mean test risk
 * @param bestAtEdge whether it is the smallest or largest ridge of the grid (the optimum may lie
 *     beyond)
 * @param testMean mean test risk there, with standard error testSe
 * @param trainMean mean train risk there
 * @param fittingRatio R = trainMean / testMean there
 * @param theoryRidge theory-optimal ridge from a continuous search (NaN without theory)
 * @param theoryTest theory test risk at it; theoryFittingRatio R* there
 * @param looRidge median ridge LOO picks per seed; looTestMean, looTestSe: the true test risk it
 *     gets
 * @param gcvRidge same for GCV
 */
public record OptimalPoint(
    double width,
    int samples,
    double bestRidge,
    @Column("best_ridge_at_grid_edge") boolean bestAtEdge,
    @Column("test_mse_mean") double testMean,
    @Column("test_mse_se") double testSe,
    @Column("train_mse_mean") double trainMean,
    double fittingRatio,
    @Column("theory_optimal_ridge") double theoryRidge,
    @Column("theory_optimal_test_mse") double theoryTest,
    @Column("theory_optimal_fitting_ratio") double theoryFittingRatio,
    double looRidge,
    @Column("loo_test_mse_mean") double looTestMean,
    @Column("loo_test_mse_se") double looTestSe,
    double gcvRidge,
    @Column("gcv_test_mse_mean") double gcvTestMean,
    @Column("gcv_test_mse_se") double gcvTestSe) {
  public static final ResultTable<OptimalPoint> TABLE =
      ResultTable.of("optimal", JobColumns.class, OptimalPoint.class);
}
