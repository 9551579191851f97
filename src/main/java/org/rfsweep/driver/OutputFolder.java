package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rfsweep.io.Manifest;

/** Guards an output folder: results of one spec only, never mixed with another's or with foreign files. */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Refuses a folder that holds results of a different spec, or files that are not rfsweep results.
   *
   * @throws OutputConflictException naming the folder, the spec found there and this spec's hash
   */
  public static void check(Path folder, String specHash) {
    try {
      if (!Files.exists(folder)) {
        return;
      }
      if (!Files.isDirectory(folder)) {
        throw new OutputConflictException("--out " + folder + ": exists and is not a folder");
      }
      JsonNode manifest = Manifest.read(folder);
      if (manifest == null) {
        try (Stream<Path> entries = Files.list(folder)) {
          if (entries.anyMatch(p -> !p.getFileName().toString().equals(OutputLock.FILE))) {
            throw new OutputConflictException("--out " + folder
                + ": not empty and has no " + Manifest.FILE + "; it is not an rfsweep output folder");
          }
        }
        return;
      }
      String found = manifest.path("spec_hash").asText("");
      if (!found.equals(specHash)) {
        throw new OutputConflictException("--out " + folder + ": holds results of job '"
            + manifest.path("job_name").asText("?") + "' (spec hash " + found + "), not of this spec (hash "
            + specHash + "); choose another --out or remove the folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + folder + ": cannot read: " + e.getMessage(), e);
    }
  }
}
