package org.rfsweep.aggregate;

/**
 * The ridge a selection rule picks from training data alone, per seed, and the true test risk it
 * then gets.
 *
 * @param rule {@code loo} or {@code gcv}
 * @param medianRidge median over seeds of the picked ridge
 * @param testMean mean over seeds of the test risk at the picked ridge; testSe its standard error
 */
public record CellPick(
    double width,
    int samples,
    String rule,
    double medianRidge,
    double testMean,
    double testSe,
    long seeds) {}
