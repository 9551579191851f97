package org.rfsweep.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the package layout honest (STYLE.md): pure packages stay free of Spark; only cli prints. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/rfsweep");
  private static final Set<String> PURE = Set.of("spec", "grid", "data", "features", "linalg", "solver", "theory");

  private static List<Path> sources(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void purePackagesNeverImportSpark() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String pkg : PURE) {
      Path folder = MAIN.resolve(pkg);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      for (Path file : sources(folder)) {
        if (Files.readString(file).contains("org.apache.spark")) {
          offenders.add(file.toString());
        }
      }
    }
    assertEquals(List.of(), offenders, "pure packages must not use Spark");
  }

  @Test
  void onlyTheCommandLinePrints() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : sources(MAIN)) {
      if (file.startsWith(MAIN.resolve("cli"))) {
        continue;
      }
      String text = Files.readString(file);
      if (text.contains("System.out") || text.contains("System.err") || text.contains("printStackTrace")) {
        offenders.add(file.toString());
      }
    }
    assertEquals(List.of(), offenders, "main code outside cli/ must not print");
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    try (Stream<Path> folders = Files.list(MAIN)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        if (sources(folder).isEmpty()) {
          continue;
        }
        assertTrue(Files.exists(folder.resolve("package-info.java")), folder + " has no package-info.java");
      }
    }
  }
}
