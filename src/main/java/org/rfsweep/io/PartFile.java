package org.rfsweep.io;

import org.apache.parquet.io.InputFile;

/**
 * A part file of a table folder, as {@link TableFolder#parts()} lists it.
 *
 * @param name the file's name in its folder
 * @param bytes its length
 * @param location where it is, for messages (a local path or a URI)
 * @param input the file for Parquet's readers
 */
public record PartFile(String name, long bytes, String location, InputFile input) {
  @Override
  public String toString() {
    return location;
  }
}
