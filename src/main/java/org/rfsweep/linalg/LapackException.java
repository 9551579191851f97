package org.rfsweep.linalg;

/**
 * A LAPACK routine returned a non-zero {@code info}; the message names the routine and the code.
 */
public final class LapackException extends NumericalException {
  private static final long serialVersionUID = 1L;
  private final String routine;
  private final int info;

  public LapackException(String routine, int info, String meaning) {
    super(routine + " failed with info=" + info + (meaning.isEmpty() ? "" : " (" + meaning + ")"));
    this.routine = routine;
    this.info = info;
  }

  public String routine() {
    return routine;
  }

  public int info() {
    return info;
  }
}
