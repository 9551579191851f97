package org.rfsweep.aggregate;

/**
 * One row of the {@code optimal} table: the best ridge of a (width, samples) cell.
 *
 * @param bestRidge            ridge of the grid with the lowest mean test risk
 * @param bestAtEdge           whether it is the smallest or largest ridge of the grid (the optimum may lie beyond)
 * @param testMean             mean test risk there, with standard error testSe
 * @param trainMean            mean train risk there
 * @param fittingRatio         R = trainMean / testMean there
 * @param theoryRidge          theory-optimal ridge from a continuous search (NaN without theory)
 * @param theoryTest           theory test risk at it; theoryFittingRatio R* there
 * @param looRidge             median ridge LOO picks per seed; looTestMean, looTestSe: the true test risk it gets
 * @param gcvRidge             same for GCV
 */
public record OptimalPoint(int width, int samples, double bestRidge, boolean bestAtEdge, double testMean,
    double testSe, double trainMean, double fittingRatio, double theoryRidge, double theoryTest,
    double theoryFittingRatio, double looRidge, double looTestMean, double looTestSe, double gcvRidge,
    double gcvTestMean, double gcvTestSe) {}
