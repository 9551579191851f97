package org.rfsweep.task;

/**
 * A test risk that can evaluate several cells, of any widths, in shared products of their
 * coefficient blocks, bit for bit what one call per cell gives. A narrow product (one column per
 * ridge) runs at about half of OpenBLAS's speed on a wide one, and reads the whole bank for it.
 */
interface SharedTestRisk extends TestRisk {

  /** Whether cells can share products (for any ridge count). */
  boolean sharesProducts();

  /**
   * @param coefficients the cells' width x ridges coefficient blocks (one output) one after
   *     another, cell c's with leading dimension widths[c], on Phi = H / sqrt(width); read only
   * @param out modified: cells x ridges test risks, cell by cell
   */
  void evaluateShared(double[] coefficients, int[] widths, int ridges, double[] out);
}
