/**
 * What rfsweep writes and reads back: the explicit Parquet schema of each table, the run manifest,
 * build provenance, and Parquet read and written without Spark (for {@code show}, the small tables,
 * and a small sweep's fits on the driver's threads).
 */
package org.rfsweep.io;
