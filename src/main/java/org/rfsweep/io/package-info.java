/**
 * What rfsweep writes and reads back: the explicit Parquet schema of each table, the run manifest,
 * build provenance, and a Spark-free Parquet reader for {@code show}.
 */
package org.rfsweep.io;
