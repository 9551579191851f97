/**
 * What a run is and what it writes, on the driver: the immutable {@link org.rfsweep.run.RunContext}
 * built once per run (resolved spec, its hashes, the measured spectrum of a dataset pool, the BLAS
 * backend, the code version) and passed to whatever needs it, the {@code fits} table's row, the
 * theory beside every row, and the pool spectrum's measurement and tables. Spark only for the type
 * of a row.
 */
package org.rfsweep.run;
