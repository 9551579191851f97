package org.rfsweep.spec;

/**
 * A job spec is wrong; the message names the field (as a path like {@code grid.widths[3]}), value
 * and line.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
