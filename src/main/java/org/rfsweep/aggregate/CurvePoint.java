package org.rfsweep.aggregate;

/**
 * One row of the {@code curves} table: a (width, samples, ridge) over its seeds.
 *
 * @param seeds        successful seeds
 * @param testMean     mean test risk over seeds; testSe its standard error, testSd the seeds' standard deviation
 * @param trainMean    mean train risk; trainSe, trainSd likewise
 * @param looMean      mean leave-one-out estimate (NaN when none)
 * @param gcvMean      mean GCV estimate (NaN when undefined)
 * @param theoryTest   theory test risk (NaN when the spectrum is unknown)
 * @param theoryTrain  theory train risk (NaN when unknown)
 */
public record CurvePoint(int width, int samples, double ridge, long seeds, double testMean, double testSe,
    double testSd, double trainMean, double trainSe, double trainSd, double looMean, double gcvMean,
    double theoryTest, double theoryTrain) {}
