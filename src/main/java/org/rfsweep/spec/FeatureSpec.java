package org.rfsweep.spec;

import java.io.Serializable;

/** The random feature map a job uses. */
public record FeatureSpec(FeatureKind kind) implements Serializable {}
