package org.rfsweep.testing;

/** Spec texts for tests: one valid small spec, and a way to vary one line of it. */
public final class Specs {
  private Specs() {}

  /**
   * A valid, small spec: linear features, cells on both sides of N = n, ridge 0 included, 3 seeds.
   */
  public static String small() {
    return """
        name: small
        seed: 7
        task:
          type: powerlaw
          alpha: 1.5
          beta: 1.3
          noise: 0.25
          modes: 300
          test_samples: 200
        features: linear
        grid:
          widths: [8, 24, 48]
          samples: [16, 24, 40]
          ridges: [0, 0.01, 1]
          seeds: 3
        """;
  }

  /**
   * {@link #small()} with the first line that starts with {@code key:} (after indentation)
   * replaced.
   */
  public static String smallWith(String key, String replacementLine) {
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    for (String line : small().split("\n", -1)) {
      if (!replaced && line.trim().startsWith(key + ":")) {
        String indent = line.substring(0, line.indexOf(line.trim()));
        out.append(indent).append(replacementLine).append('\n');
        replaced = true;
      } else {
        out.append(line).append('\n');
      }
    }
    if (!replaced) {
      throw new IllegalArgumentException("no line starts with " + key);
    }
    return out.toString();
  }
}
