package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's two-step start (the real {@code ./rfsweep} script, run by bash), with a stand-in
 * for {@code java} on the PATH that records how it was started: a run starts on C1 alone, exit 75
 * starts it again with the full JIT, any other exit is the command's, a report the driver
 * aggregates alone runs on the serial collector, and a TERM sent to the launcher reaches the JVM.
 */
class LauncherJitTest {
  private static final String QUICK = "-XX:TieredStopAtLevel=1 -Drfsweep.jit=quick";

  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      echo "$*" >> "$FAKE_LOG"
      case " $* " in
        *" -Drfsweep.jit=quick "*)
          if [ -n "${FAKE_WAIT:-}" ]; then
            trap 'echo TERM >> "$FAKE_LOG"; exit 143' TERM
            echo ready >> "$FAKE_LOG"
            for _ in $(seq 400); do sleep 0.05; done
            exit 1
          fi
          exit "${FAKE_QUICK_EXIT:-75}" ;;
      esac
      echo "ran with the full JIT"
      """;

  @TempDir Path root;
  private Path log;

  /** A project folder holding the launcher, a built jar and no sources newer than it. */
  @BeforeEach
  void project() throws Exception {
    Files.copy(Path.of("rfsweep"), root.resolve("rfsweep"));
    Files.createDirectories(root.resolve("src/main"));
    Files.writeString(root.resolve("pom.xml"), "<java17.flags>-Dfrom.pom=1</java17.flags>\n");
    Path target = Files.createDirectories(root.resolve("target"));
    Files.writeString(target.resolve("classpath.txt"), "/nowhere.jar");
    Path jar = Files.writeString(target.resolve("rfsweep.jar"), "jar");
    FileTime later = FileTime.from(Instant.now().plusSeconds(60));
    Files.setLastModifiedTime(jar, later);
    Files.setLastModifiedTime(target.resolve("classpath.txt"), later);
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.writeString(bin.resolve("java"), FAKE_JAVA);
    Files.setPosixFilePermissions(
        bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    log = root.resolve("java.log");
  }

  private Process launch(String fakeQuickExit, boolean wait, String... args) throws Exception {
    return launch(java.util.Map.of(), fakeQuickExit, wait, args);
  }

  private Process launch(
      java.util.Map<String, String> env, String fakeQuickExit, boolean wait, String... args)
      throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "rfsweep"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder
        .environment()
        .put("PATH", root.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    builder.environment().put("FAKE_LOG", log.toString());
    builder.environment().put("FAKE_QUICK_EXIT", fakeQuickExit);
    builder.environment().put("RFSWEEP_CDS", "off");
    builder.environment().remove("RFSWEEP_JIT");
    builder.environment().remove("RFSWEEP_JAVA_OPTS");
    if (wait) {
      builder.environment().put("FAKE_WAIT", "1");
    }
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(root.resolve("out.txt").toFile());
    return builder.start();
  }

  private List<String> starts() throws Exception {
    return Files.readAllLines(log);
  }

  @Test
  void aLongRunStartsAgainWithTheFullJit() throws Exception {
    Process launcher = launch("75", false, "run", "jobs/x.yaml");
    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, launcher.exitValue(), Files.readString(root.resolve("out.txt")));
    List<String> starts = starts();
    assertEquals(2, starts.size(), starts.toString());
    assertTrue(starts.get(0).contains(QUICK), starts.get(0));
    assertTrue(starts.get(0).endsWith("org.rfsweep.cli.Main run jobs/x.yaml"), starts.get(0));
    assertFalse(starts.get(1).contains("TieredStopAtLevel"), starts.get(1));
    assertTrue(starts.get(1).contains("-Dfrom.pom=1"), starts.get(1));
    assertTrue(starts.get(1).endsWith("org.rfsweep.cli.Main run jobs/x.yaml"), starts.get(1));
    assertEquals("ran with the full JIT\n", Files.readString(root.resolve("out.txt")));
    for (String start : starts) {
      assertEquals(
          kernelOffersHugePages(),
          start.contains("-XX:+UseTransparentHugePages"),
          "huge pages asked for exactly where the kernel gives them on request: " + start);
    }
  }

  /** Whether this machine's kernel gives transparent huge pages to a process that asks. */
  private static boolean kernelOffersHugePages() throws Exception {
    Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    if (!Files.isReadable(setting)) {
      return false;
    }
    String modes = Files.readString(setting);
    return modes.contains("[always]") || modes.contains("[madvise]");
  }

  @Test
  void aQuickStartsExitIsTheCommandsAndOtherCommandsStartOnce() throws Exception {
    Path fits = Files.createDirectories(root.resolve("out/small/fits"));
    Files.write(fits.resolve("part-0.parquet"), new byte[100_000]);
    Process failed = launch("3", false, "report", "out/small");
    assertTrue(failed.waitFor(30, TimeUnit.SECONDS));
    assertEquals(3, failed.exitValue());
    assertEquals(1, starts().size(), starts().toString());
    assertTrue(starts().get(0).contains(QUICK));

    // A large fits table, or none to measure, goes straight to the full JIT (which says what is
    // wrong with the folder).
    Path large = Files.createDirectories(root.resolve("out/large/fits"));
    Files.write(large.resolve("part-0.parquet"), new byte[2_000_000]);
    for (String folder : List.of("out/large", "out/missing")) {
      Files.deleteIfExists(log);
      Process report = launch("75", false, "report", folder);
      assertTrue(report.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, report.exitValue(), Files.readString(root.resolve("out.txt")));
      assertEquals(1, starts().size(), starts().toString());
      assertFalse(starts().get(0).contains("TieredStopAtLevel"), starts().get(0));
    }

    Files.delete(log);
    Process plan = launch("75", false, "plan", "jobs/x.yaml");
    assertTrue(plan.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, plan.exitValue());
    assertEquals(1, starts().size(), starts().toString());
    assertFalse(starts().get(0).contains("TieredStopAtLevel"), "plan keeps the full JIT");
  }

  @Test
  void aReportTheDriverAggregatesAloneRunsOnTheSerialCollector() throws Exception {
    String serial = "-XX:+UseSerialGC";
    Path small = Files.createDirectories(root.resolve("out/small/fits"));
    Files.write(small.resolve("part-0.parquet"), new byte[100_000]);
    Path medium = Files.createDirectories(root.resolve("out/medium/fits"));
    Files.write(medium.resolve("part-0.parquet"), new byte[2_000_000]);
    Path large = Files.createDirectories(root.resolve("out/large/fits"));
    Files.write(large.resolve("part-0.parquet"), new byte[70 << 20]); // above DriverFits.MAX_BYTES
    for (String folder : List.of("out/small", "out/medium", "out/large")) {
      Files.deleteIfExists(log);
      Process report = launch("75", false, "report", folder);
      assertTrue(report.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, report.exitValue(), Files.readString(root.resolve("out.txt")));
      for (String start : starts()) {
        assertEquals(!folder.equals("out/large"), start.contains(serial), folder + ": " + start);
      }
    }
    Files.delete(log);
    Process chosen =
        launch(
            java.util.Map.of("RFSWEEP_JAVA_OPTS", "-XX:+UseParallelGC"),
            "75",
            false,
            "report",
            "out/small");
    assertTrue(chosen.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, chosen.exitValue(), Files.readString(root.resolve("out.txt")));
    for (String start : starts()) {
      assertFalse(start.contains(serial), "the user's collector alone: " + start);
      assertTrue(start.contains("-XX:+UseParallelGC"), start);
    }
    Files.delete(log);
    Process logging =
        launch(
            java.util.Map.of("RFSWEEP_JAVA_OPTS", "-Xlog:gc"), "75", false, "report", "out/small");
    assertTrue(logging.waitFor(30, TimeUnit.SECONDS));
    for (String start : starts()) {
      assertTrue(start.contains(serial), "a flag that names no collector leaves it: " + start);
    }
    Files.delete(log);
    Process run = launch("75", false, "run", "jobs/x.yaml");
    assertTrue(run.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, starts().size(), starts().toString());
    for (String start : starts()) {
      assertFalse(start.contains(serial), "a run keeps G1: " + start);
    }
  }

  @Test
  void termSentToTheLauncherReachesTheJvm() throws Exception {
    Process launcher = launch("75", true, "run", "jobs/x.yaml");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(log) && starts().contains("ready")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(starts().contains("ready"), "the JVM stand-in started");
    launcher.destroy(); // SIGTERM to the script alone, as `kill PID` sends it
    assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "the launcher ended");
    assertEquals(143, launcher.exitValue());
    assertTrue(starts().contains("TERM"), starts().toString());
    assertEquals(3, starts().size(), "not started again: " + starts());
  }
}
