package org.rfsweep.spec;

import java.io.Serializable;

/**
 * The random feature map a job uses.
 *
 * @param kind   linear, relu or rff
 * @param length the Gaussian kernel's length scale for rff (in units of the standardised inputs); NaN otherwise
 */
public record FeatureSpec(FeatureKind kind, double length) implements Serializable {
  public FeatureSpec(FeatureKind kind) {
    this(kind, Double.NaN);
  }
}
