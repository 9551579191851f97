/**
 * The native BLAS/LAPACK facade: one backend chosen and checked per JVM, the dense column-major
 * kernels the solver needs, and LAPACK errors that name their routine. Plain Java; never imports
 * Spark.
 */
package org.rfsweep.linalg;
