package org.rfsweep.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code DIR/manifest.json}: what a run was (resolved spec, versions, settings, BLAS) and how it
 * ended.
 */
public final class Manifest {
  public static final String FILE = "manifest.json";
  // Records' components are camelCase in Java and snake_case in the file, like the tables' columns.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Manifest() {}

  /**
   * Writes the manifest atomically (temp file, then rename), so a reader never sees half of one.
   */
  public static void write(Path folder, Object content) throws IOException {
    Files.createDirectories(folder);
    Path temp = folder.resolve(FILE + ".tmp");
    JSON.writeValue(temp.toFile(), content);
    Files.move(
        temp,
        folder.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The manifest of an output folder, or null if it has none. */
  public static JsonNode read(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
  }
}
