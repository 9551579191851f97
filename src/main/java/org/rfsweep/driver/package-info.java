/**
 * The driver side of a sweep: check the output folder, start or take a session, spread work units
 * over Spark's executors (or, for a local sweep, over the driver's own threads), write the tables
 * and the manifest, report progress.
 */
package org.rfsweep.driver;
