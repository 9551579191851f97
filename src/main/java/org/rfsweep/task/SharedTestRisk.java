package org.rfsweep.task;

/**
 * A test risk that can evaluate several cells of one width in one product of their coefficient
 * blocks side by side, bit for bit what one call per cell gives. A narrow product (one column per
 * ridge) runs at about half of OpenBLAS's speed on a wide one: measured here at 2,000 modes and 12
 * ridges, seven cells of a width in 0.12-7.7 ms stacked against 0.18-15.7 ms one by one (widths 16
 * to 1024).
 */
interface SharedTestRisk extends TestRisk {

  /** Whether cells can share a product (for any ridge count). */
  boolean sharesProducts();

  /**
   * @param coefficients the cells' width x ridges coefficient blocks (one output) one after
   *     another: a column-major width x (cells * ridges) matrix on Phi = H / sqrt(width); read only
   * @param out modified: cells x ridges test risks, cell by cell
   */
  void evaluateShared(double[] coefficients, int width, int cells, int ridges, double[] out);
}
