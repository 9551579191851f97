package org.rfsweep.features;

import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;

class LinearFeatureMapTest implements FeatureMapContract {
  @Override
  public FeatureMap map() {
    return new LinearFeatureMap(DIMENSION);
  }

  @Override
  public FeatureSpec spec() {
    return new FeatureSpec(FeatureKind.LINEAR);
  }
}
