package org.rfsweep.spec;

import java.util.List;

/**
 * The spec records' own checks, in their compact constructors: a record built in a test or by an
 * override is as safe as one from YAML. The loader checks first and names the line; these name the
 * field and the value.
 */
final class Invariants {
  private Invariants() {}

  static void check(boolean holds, String field, String rule, Object found) {
    if (!holds) {
      throw new SpecException(field + ": " + rule + ", found " + found);
    }
  }

  /** Distinct positive integers in ascending order, at least one. */
  static void ascendingPositive(String field, List<Integer> values) {
    check(!values.isEmpty(), field, "needs at least one value", values);
    for (int i = 0; i < values.size(); i++) {
      int value = values.get(i);
      check(value > 0, field + "[" + i + "]", "must be > 0", value);
      check(
          i == 0 || value > values.get(i - 1),
          field + "[" + i + "]",
          "values must be distinct and ascending",
          value);
    }
  }
}
