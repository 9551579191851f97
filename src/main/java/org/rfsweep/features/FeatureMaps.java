package org.rfsweep.features;

import org.rfsweep.data.TaskSource;
import org.rfsweep.spec.FeatureSpec;

/** Builds the feature map a spec names for a task's inputs. */
public final class FeatureMaps {
  private FeatureMaps() {}

  public static FeatureMap create(FeatureSpec spec, TaskSource source) {
    return switch (spec.kind()) {
      case LINEAR -> new LinearFeatureMap(source.inputDimension());
      case RELU -> new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm());
      case RFF -> new FourierFeatureMap(source.inputDimension(), spec.length());
    };
  }
}
