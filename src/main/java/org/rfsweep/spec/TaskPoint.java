package org.rfsweep.spec;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One combination of a job's task axes: a concrete task and feature map, with the axis values that
 * picked it. A job without axes has one task point.
 *
 * @param task the task at this point
 * @param features the feature map at this point
 * @param coordinates axis path to value as the spec wrote it ({@code task.alpha -> 1.5}), in axis
 *     order; empty for a job without axes
 */
public record TaskPoint(TaskSpec task, FeatureSpec features, Map<String, String> coordinates)
    implements Serializable {
  public TaskPoint {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(features, "features");
    coordinates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
  }

  public TaskPoint(TaskSpec task, FeatureSpec features) {
    this(task, features, Map.of());
  }

  /**
   * The point's name in every table ({@code task_key}): the fields a task axis can change, written
   * out, so it reads without a lookup and stays the same whichever axes a later spec has, e.g.
   * {@code powerlaw(alpha=1.5,beta=1.5,noise=0.5,modes=2000)/linear}.
   */
  public String key() {
    return taskWords(task) + "/" + featureWords(features);
  }

  /** The task part of {@link #key}. */
  static String taskWords(TaskSpec task) {
    if (task instanceof PowerLawTaskSpec p) {
      return "powerlaw(alpha="
          + number(p.alpha())
          + ",beta="
          + number(p.beta())
          + ",noise="
          + number(p.noise())
          + ",modes="
          + p.modes()
          + ")";
    }
    DatasetTaskSpec d = (DatasetTaskSpec) task;
    return "dataset(target="
        + DatasetTaskSpec.targetWords(d)
        + ",label_noise="
        + number(d.labelNoise())
        + ")";
  }

  /** A feature map as one word: {@code linear}, {@code relu}, {@code rff(length=2)}. */
  public static String featureWords(FeatureSpec features) {
    return features.kind() == FeatureKind.RFF
        ? "rff(length=" + number(features.length()) + ")"
        : features.kind().word();
  }

  /** The shortest plain decimal of a value: 2000, 1.5, 0.0001. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
