package org.rfsweep.spec;

import java.io.Serializable;

/**
 * Options of every fit in a job.
 *
 * @param leaveOneOut compute the leave-one-out estimate of the test risk (spec field {@code fit.loo}, default
 *                    true). Free when N >= n; when N < n it costs P = Phi V, 2 n N^2 flops or about two Gram
 *                    matrices, up to two thirds of a cell whose width is far below its sample count.
 */
public record FitSpec(boolean leaveOneOut) implements Serializable {
  public static final FitSpec DEFAULT = new FitSpec(true);
}
