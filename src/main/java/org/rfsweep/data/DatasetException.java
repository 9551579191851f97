package org.rfsweep.data;

/**
 * A dataset cannot be used as given; the message names the file or field and what is wrong with it.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }
}
