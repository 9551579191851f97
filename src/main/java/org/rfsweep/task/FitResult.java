package org.rfsweep.task;

import java.io.Serializable;
import org.rfsweep.io.Column;
import org.rfsweep.solver.PathTimings;

/**
 * One fitted (cell, ridge, seed): the fit's part of a {@code fits} row (each component is a
 * column).
 *
 * @param width N; +Infinity for a kernel cell (exact kernel ridge regression)
 * @param samples n
 * @param ridge delta, on the un-normalised loss
 * @param seed seed index
 * @param trainMse mean squared training error on the noisy labels (NaN when failed)
 * @param testMse test risk including noise (NaN when failed)
 * @param looMse leave-one-out estimate of the test risk from the training data alone (NaN when
 *     failed or switched off)
 * @param gcvMse GCV estimate of the test risk (NaN when failed or undefined: interpolation)
 * @param status {@code OK} or {@code FAILED}
 * @param error why it failed (routine and info code for LAPACK), null when OK
 * @param fitSeconds wall time of this cell's fit and evaluation, shared by all its ridges
 * @param setupSeconds wall time of the seed's shared data, features and test set, shared by all its
 *     cells
 * @param path where the ridge path's time went and which eigensolver ran (null when failed)
 * @param testRiskSeconds wall time of the test risk at every ridge, part of fitSeconds
 * @param blasBackend the BLAS/LAPACK that computed it ({@link
 *     org.rfsweep.linalg.BlasBackend#label()})
 */
public record FitResult(
    double width,
    int samples,
    double ridge,
    int seed,
    double trainMse,
    double testMse,
    @Column("loo_test_mse") double looMse,
    @Column("gcv_test_mse") double gcvMse,
    String status,
    String error,
    double fitSeconds,
    double setupSeconds,
    PathTimings path,
    double testRiskSeconds,
    String blasBackend)
    implements Serializable {
  public static final String OK = "OK";
  public static final String FAILED = "FAILED";

  public FitResult {
    if (!(width >= 1) || samples < 1 || seed < 0 || !(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException(
          "a fit needs width, samples >= 1, seed >= 0 and a finite ridge >= 0, found ("
              + width
              + ", "
              + samples
              + ", "
              + seed
              + ", "
              + ridge
              + ")");
    }
    if (!OK.equals(status) && !FAILED.equals(status)) {
      throw new IllegalArgumentException(
          "status: must be " + OK + " or " + FAILED + ", found " + status);
    }
  }
}
