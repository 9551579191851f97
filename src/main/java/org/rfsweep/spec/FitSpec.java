package org.rfsweep.spec;

import java.io.Serializable;

/**
 * Options of every fit in a job.
 *
 * @param leaveOneOut compute the leave-one-out estimate of the test risk (spec field {@code
 *     fit.loo}, default true). It needs the eigenvectors formed (dsyevd's back-transformation,
 *     about 30% of the eigendecomposition, which fits without it skip) and, when N < n, P = Phi V
 *     as well (2 n N^2 flops, about two Gram matrices).
 */
public record FitSpec(boolean leaveOneOut) implements Serializable {
  public static final FitSpec DEFAULT = new FitSpec(true);
}
