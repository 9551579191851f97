package org.rfsweep.solver;

class DirectRidgePathTest implements RidgePathContract {
  @Override
  public RidgePath path() {
    return new DirectRidgePath();
  }
}
