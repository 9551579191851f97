package org.rfsweep.features;

import org.rfsweep.data.TaskSource;
import org.rfsweep.grid.NormalDraws;
import org.rfsweep.spec.FeatureSpec;

/** Builds the feature map a spec names for a task's inputs. */
public final class FeatureMaps {
  private FeatureMaps() {}

  public static FeatureMap create(FeatureSpec spec, TaskSource source) {
    return create(spec, source, null);
  }

  /**
   * @param draws standard normals shared with the other task points of a Spark task, or null
   */
  public static FeatureMap create(FeatureSpec spec, TaskSource source, NormalDraws draws) {
    return switch (spec.kind()) {
      case LINEAR -> new LinearFeatureMap(source.inputDimension(), draws);
      case RELU -> new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm(), draws);
      case RFF -> new FourierFeatureMap(source.inputDimension(), spec.length(), draws);
    };
  }
}
