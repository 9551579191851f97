package org.rfsweep.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package layout honest: the layers of the README, top to bottom, each importing only
 * layers below it; pure packages free of Spark; only cli prints; every package says what it is for.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/rfsweep");

  /** Top to bottom: a package may use only packages after it (the README's "Layout"). */
  static final List<String> LAYERS =
      List.of(
          "cli",
          "bench",
          "driver",
          "report",
          "aggregate",
          "run",
          "task",
          "features",
          "data",
          "solver",
          "grid",
          "theory",
          "spec",
          "io",
          "linalg");

  private static final Set<String> PURE =
      Set.of("spec", "grid", "data", "features", "linalg", "solver", "theory");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.rfsweep\\.([a-z]+)\\.");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  private static List<Path> sources(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  /**
   * The packages a source file refers to in code (imports and qualified names; comments and its own
   * package excluded).
   */
  static Set<String> packagesUsed(String source) {
    String code = COMMENT.matcher(source).replaceAll(" ").replaceFirst("package [^;]*;", "");
    Set<String> used = new TreeSet<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      used.add(m.group(1));
    }
    return used;
  }

  @Test
  void everyPackageHasItsLayerAndEveryLayerExists() throws IOException {
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> entries = Files.list(MAIN)) {
      entries.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
    }
    assertEquals(
        new TreeSet<>(LAYERS),
        folders,
        "packages on disk against the layers (add a new one to LAYERS "
            + "and to the README's Layout)");
  }

  @Test
  void importsOnlyRunDownTheLayers() throws IOException {
    List<String> upward = new ArrayList<>();
    for (String pkg : LAYERS) {
      int own = LAYERS.indexOf(pkg);
      for (Path file : sources(MAIN.resolve(pkg))) {
        for (String used : packagesUsed(Files.readString(file))) {
          int layer = LAYERS.indexOf(used);
          if (!used.equals(pkg) && layer <= own) {
            upward.add(MAIN.relativize(file) + " -> " + used);
          }
        }
      }
    }
    assertEquals(List.of(), upward, "arrows that run back up the layers " + LAYERS);
  }

  @Test
  void theCheckSeesQualifiedNamesAndIgnoresComments() {
    String source =
        "package org.rfsweep.grid;\n// org.rfsweep.cli.Main in a comment\n"
            + "/** {@link org.rfsweep.driver.SweepDriver} */\nclass X { Object o = org.rfsweep.task.UnitRunner.class; }";
    assertEquals(Set.of("task"), packagesUsed(source));
  }

  @Test
  void purePackagesNeverImportSpark() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String pkg : PURE) {
      Path folder = MAIN.resolve(pkg);
      assertTrue(Files.isDirectory(folder), folder + " is missing");
      for (Path file : sources(folder)) {
        if (COMMENT.matcher(Files.readString(file)).replaceAll(" ").contains("org.apache.spark")) {
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
      if (text.contains("System.out")
          || text.contains("System.err")
          || text.contains("printStackTrace")) {
        offenders.add(file.toString());
      }
    }
    assertEquals(List.of(), offenders, "main code outside cli/ must not print");
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    for (String pkg : LAYERS) {
      assertTrue(
          Files.exists(MAIN.resolve(pkg).resolve("package-info.java")),
          pkg + " has no package-info.java");
    }
  }

  /**
   * No mutable static state. Three exceptions, none of them run state: linalg's one-time backend
   * choice; data's pools, loaded once per executor JVM from the files (STYLE: large inputs are
   * never shipped from the driver in a closure) and immutable once loaded; and each worker thread's
   * scratch arrays (task/ThreadArrays), whose contents never carry from one unit to the next
   * (UnitRunnerTest runs a unit after others on one thread and compares its bits with a fresh
   * thread's).
   */
  @Test
  void noStaticMutableFields() throws IOException {
    Pattern nonFinal =
        Pattern.compile(
            "\\bstatic\\s+(?!final\\b)(?:volatile\\s+)?[\\w<>,?\\[\\] ]+\\s+\\w+\\s*[;=]");
    Pattern collection =
        Pattern.compile(
            "\\bstatic\\s+final\\s+[\\w.]*(Map|Set|List|Collection|ThreadLocal)<[^;]*=\\s*new\\b");
    Set<Path> allowed =
        Set.of(MAIN.resolve("data/DatasetPool.java"), MAIN.resolve("task/ThreadArrays.java"));
    List<String> offenders = new ArrayList<>();
    for (Path file : sources(MAIN)) {
      if (file.startsWith(MAIN.resolve("linalg")) || allowed.contains(file)) {
        continue;
      }
      String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
      for (Pattern pattern : List.of(nonFinal, collection)) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
          if (!m.group().contains("(")) {
            offenders.add(MAIN.relativize(file) + ": " + m.group().trim());
          }
        }
      }
    }
    assertEquals(List.of(), offenders, "static state must be final and immutable");
  }
}
