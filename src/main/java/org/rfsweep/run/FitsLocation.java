package org.rfsweep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.rfsweep.io.TableFolder;

/**
 * Where an output folder's {@code fits} table lives: {@code DIR/fits} on the driver's disk, unless
 * the first run was given {@code --fits URI} (a folder every executor reaches, e.g. on HDFS), which
 * {@code DIR/fits.location} then records for every later run, {@code report} and {@code show}.
 * Everything else of the folder (manifest, lock, tables, report) stays on the driver's disk.
 */
public final class FitsLocation {
  /** The file in DIR that names the table's URI. */
  public static final String POINTER = "fits.location";

  private FitsLocation() {}

  /** The folder's fits table. */
  public static TableFolder of(Path out) {
    return recorded(out)
        .map(TableFolder::of)
        .orElseGet(() -> TableFolder.local(FitsRow.TABLE.in(out)));
  }

  /** The URI {@code DIR/fits.location} names, if the folder has one. */
  public static Optional<String> recorded(Path out) {
    Path pointer = out.resolve(POINTER);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(pointer).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }

  /** Records {@code uri} as the folder's fits table (written whole, by one rename). */
  public static void record(Path out, String uri) {
    Path pointer = out.resolve(POINTER);
    try {
      Files.createDirectories(out);
      Path temp = out.resolve(POINTER + ".tmp");
      Files.writeString(temp, uri + "\n");
      Files.move(
          temp, pointer, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pointer + ": " + e.getMessage(), e);
    }
  }
}
