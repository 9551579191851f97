/**
 * Ridge paths: one fit of a feature matrix for every ridge at once. {@link
 * org.rfsweep.solver.EigenRidgePath} decomposes the smaller Gram side once and makes each extra
 * ridge almost free; {@link org.rfsweep.solver.DirectRidgePath} is the textbook one-solve-per-ridge
 * reference. Plain Java.
 */
package org.rfsweep.solver;
