package org.rfsweep.linalg;

/**
 * A grow-only scratch array: hot loops ask for a size and get an array at least that long,
 * allocated only when a larger size is first needed.
 */
public final class Workspace {
  private double[] data = new double[0];

  /** An array of at least {@code length} doubles; its contents are left over from earlier use. */
  public double[] get(long length) {
    if (data.length < length) {
      data = new double[Math.toIntExact(length)];
    }
    return data;
  }
}
