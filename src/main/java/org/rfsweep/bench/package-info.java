/**
 * {@code rfsweep bench}: rfsweep's speed measured against the hardware (native dgemm, LAPACK alone)
 * and against the usual alternatives (one Cholesky per ridge, Spark MLlib's LinearRegression), side
 * by side in one run. Not a test: it prints and writes ratios.
 */
package org.rfsweep.bench;
