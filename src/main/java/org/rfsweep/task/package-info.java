/**
 * Running one work unit (all cells of one seed) on an executor: build the seed's shared features
 * once, then fit and evaluate every cell at every ridge. Pure code, plus {@link
 * org.rfsweep.task.SparkUnitTask}, the thin serialisable adapter Spark calls.
 */
package org.rfsweep.task;
