/**
 * The Spark side of a sweep: check the output folder, start or take a session, spread work units
 * over executors, write the tables and the manifest, report progress.
 */
package org.rfsweep.driver;
