package org.rfsweep.features;

import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;

class ReluFeatureMapTest implements FeatureMapContract {
  @Override
  public FeatureMap map() {
    return new ReluFeatureMap(DIMENSION, meanSquaredNorm());
  }

  @Override
  public FeatureSpec spec() {
    return new FeatureSpec(FeatureKind.RELU);
  }
}
