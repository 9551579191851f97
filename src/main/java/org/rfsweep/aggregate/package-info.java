/**
 * From fits to scaling laws: per-cell curves over seeds (Spark, mergeable statistics), the optimal
 * ridge per cell (empirical, theory, and as LOO/GCV would pick it), power-law exponent fits with
 * bootstrap intervals, and automatic checks of the paper's claims. The computations past the Spark
 * aggregation are plain Java on small collected tables, so they are tested against hand-computed
 * values.
 */
package org.rfsweep.aggregate;
