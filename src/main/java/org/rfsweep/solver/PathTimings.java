package org.rfsweep.solver;

import java.io.Serializable;

/**
 * How one ridge-path fit spent its time, returned by {@link RidgePath#fit}.
 *
 * @param gramSeconds forming the Gram matrix of the smaller side (0 where a path forms none)
 * @param eigenSeconds decomposing it (for a one-solve-per-ridge path: all its factorisations)
 * @param eigensolver the LAPACK routines that decomposed it, e.g. {@code dsyevd} or {@code
 *     dsytrd+dstedc}
 */
public record PathTimings(double gramSeconds, double eigenSeconds, String eigensolver)
    implements Serializable {}
