package org.rfsweep.task;

import java.io.Serializable;

/**
 * One fitted (cell, ridge, seed): the unit of the {@code fits} table.
 *
 * @param width        N
 * @param samples      n
 * @param ridge        delta, on the un-normalised loss
 * @param seed         seed index
 * @param trainMse     mean squared training error on the noisy labels (NaN when failed)
 * @param testMse      test risk including noise (NaN when failed)
 * @param looMse       leave-one-out estimate of the test risk from the training data alone (NaN when failed)
 * @param gcvMse       GCV estimate of the test risk (NaN when failed or undefined: interpolation)
 * @param status       {@code OK} or {@code FAILED}
 * @param error        why it failed (routine and info code for LAPACK), empty when OK
 * @param fitSeconds   wall time of this cell's fit and evaluation, shared by all its ridges
 * @param setupSeconds wall time of the seed's shared data, features and test set, shared by all its cells
 * @param blasBackend  the BLAS/LAPACK that computed it ({@link org.rfsweep.linalg.BlasBackend#label()})
 */
public record FitResult(int width, int samples, double ridge, int seed, double trainMse, double testMse,
    double looMse, double gcvMse,
    String status, String error, double fitSeconds, double setupSeconds, String blasBackend) implements Serializable {
  public static final String OK = "OK";
  public static final String FAILED = "FAILED";
}
