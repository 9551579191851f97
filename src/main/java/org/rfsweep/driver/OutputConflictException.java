package org.rfsweep.driver;

/**
 * The output folder cannot take this run's results (it holds another spec's, or is not an rfsweep
 * folder).
 */
public final class OutputConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputConflictException(String message) {
    super(message);
  }
}
