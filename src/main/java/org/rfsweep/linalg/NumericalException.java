package org.rfsweep.linalg;

/** A fit failed numerically (a LAPACK error, or NaN/Inf where numbers must be finite). */
public class NumericalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NumericalException(String message) {
    super(message);
  }
}
