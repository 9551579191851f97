package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rfsweep.io.Manifest;

/**
 * Guards an output folder: results of one spec only, never mixed with another's or with foreign
 * files.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Refuses a folder that holds results of a spec this one cannot extend (a different task, feature
   * map, job seed or ridge list: only widths, samples and the seed count may differ), or files that
   * are not rfsweep results.
   *
   * @throws OutputConflictException naming the folder, the spec found there and this spec's hashes
   */
  public static void check(Path folder, String specHash, String compatibilityHash) {
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
            throw new OutputConflictException(
                "--out "
                    + folder
                    + ": not empty and has no "
                    + Manifest.FILE
                    + "; it is not an rfsweep output folder");
          }
        }
        return;
      }
      String found = manifest.path("compatibility_hash").asText("");
      if (!found.equals(compatibilityHash)) {
        throw new OutputConflictException(
            "--out "
                + folder
                + ": holds results of job '"
                + manifest.path("job_name").asText("?")
                + "' (spec hash "
                + manifest.path("spec_hash").asText("?")
                + "), which this spec (hash "
                + specHash
                + ") cannot extend: its task, features, job seed or ridges "
                + "differ; choose another --out or remove the folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + folder + ": cannot read: " + e.getMessage(), e);
    }
  }
}
