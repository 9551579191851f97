package org.rfsweep.spec;

import java.io.Serializable;

/**
 * The random feature map a job uses.
 *
 * @param kind linear, relu or rff
 * @param length the Gaussian kernel's length scale for rff (in units of the standardised inputs);
 *     NaN otherwise
 */
public record FeatureSpec(FeatureKind kind, double length) implements Serializable {
  public FeatureSpec {
    if (kind == null) {
      throw new SpecException("features: missing (linear, relu or rff)");
    }
    if (kind == FeatureKind.RFF) {
      Invariants.check(
          length > 0 && Double.isFinite(length),
          "features.length",
          "must be finite and > 0",
          length);
    } else {
      Invariants.check(
          Double.isNaN(length), "features.length", "only rff features take a length", length);
    }
  }

  public FeatureSpec(FeatureKind kind) {
    this(kind, Double.NaN);
  }
}
