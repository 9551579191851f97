/**
 * Expanding a spec into work: the (width, samples) cells, the per-seed work units that share one
 * seed's data and feature bank, seed derivation from task coordinates, and the cost model. Plain
 * Java.
 */
package org.rfsweep.grid;
