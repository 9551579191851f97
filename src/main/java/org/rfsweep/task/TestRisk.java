package org.rfsweep.task;

import org.rfsweep.solver.RidgeSolution;

/** Test risk E[(f(x) - y)^2] (noise included) of every ridge of a fitted cell. */
interface TestRisk {

  /**
   * @param solution the cell's fit, width x (outputs * ridges) coefficients on Phi = H /
   *     sqrt(width)
   * @param out modified: one test risk per ridge
   */
  void evaluate(RidgeSolution solution, double[] out);
}
