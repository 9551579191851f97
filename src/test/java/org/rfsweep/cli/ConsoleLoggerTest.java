package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The launcher's SLF4J provider: which levels each library prints, the line it prints, and, in a
 * JVM started as the launcher starts one, that SLF4J binds to it and nothing else is printed.
 */
class ConsoleLoggerTest {

  @Test
  void levelsFollowTheLongestMatchingLoggerName() {
    assertEquals(
        Level.WARN, ConsoleLogger.thresholdOf("org.apache.spark.scheduler.TaskSetManager"));
    assertEquals(Level.WARN, ConsoleLogger.thresholdOf("org.rfsweep.Anything"));
    assertEquals(Level.ERROR, ConsoleLogger.thresholdOf("org.apache.hadoop.util.NativeCodeLoader"));
    assertEquals(Level.ERROR, ConsoleLogger.thresholdOf("org.apache.hadoop"));
    assertEquals(Level.WARN, ConsoleLogger.thresholdOf("org.apache.hadoopish.Thing"));
    assertEquals(
        Level.ERROR, ConsoleLogger.thresholdOf("org.apache.parquet.hadoop.ParquetFileReader"));
    assertEquals(Level.ERROR, ConsoleLogger.thresholdOf("org.apache.spark.SparkEnv"));
    assertEquals(Level.WARN, ConsoleLogger.thresholdOf("org.apache.spark.SparkEnvironment"));
    assertEquals(Level.ERROR, ConsoleLogger.thresholdOf("org.apache.spark.util.SparkStringUtils"));
  }

  @Test
  void aLineWithTimeLevelShortNameMessageAndStackTrace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ConsoleLogger spark = new ConsoleLogger("org.apache.spark.scheduler.TaskSetManager", out);
    ConsoleLogger parquet = new ConsoleLogger("org.apache.parquet.hadoop.ParquetFileReader", out);
    assertTrue(spark.isWarnEnabled());
    assertFalse(spark.isInfoEnabled());
    assertFalse(parquet.isWarnEnabled());
    assertTrue(parquet.isErrorEnabled());

    spark.info("not shown");
    spark.warn("Lost task {} in stage {}", 3, "4.0");
    parquet.warn("not shown either");
    spark.warn(
        "falling back",
        new IllegalStateException("codegen", new java.io.IOException("interrupted")));
    parquet.error("cannot read", new IllegalStateException("damaged page"));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(
        lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d WARN TaskSetManager: Lost task 3 in stage 4.0"),
        lines.get(0));
    // A warning's exception: its message and causes, no stack trace.
    assertTrue(lines.get(1).endsWith(" WARN TaskSetManager: falling back"), lines.get(1));
    assertEquals("java.lang.IllegalStateException: codegen", lines.get(2));
    assertEquals("Caused by: java.io.IOException: interrupted", lines.get(3));
    // An error's: the whole stack trace.
    assertTrue(
        lines.get(4).matches("\\d\\d:\\d\\d:\\d\\d ERROR ParquetFileReader: cannot read"),
        lines.get(4));
    assertEquals("java.lang.IllegalStateException: damaged page", lines.get(5));
    assertTrue(lines.get(6).trim().startsWith("at "), lines.get(6));
    assertFalse(String.join("\n", lines).contains("not shown"));
  }

  /** Logs as Spark and Parquet would, from a JVM given the launcher's SLF4J flags. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println(LoggerFactory.getILoggerFactory().getClass().getName());
      LoggerFactory.getLogger("org.apache.spark.SparkContext").warn("a Spark warning");
      LoggerFactory.getLogger("org.apache.parquet.hadoop.ParquetFileReader").warn("hidden");
    }
  }

  @Test
  void theLaunchersFlagsBindSlf4jToItAlone() throws Exception {
    String launcher =
        new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rfsweep")));
    assertTrue(launcher.contains("-Dslf4j.provider=org.rfsweep.cli.ConsoleLogProvider"));
    assertTrue(launcher.contains("-Dslf4j.internal.verbosity=WARN"));
    Process process =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Dslf4j.provider=org.rfsweep.cli.ConsoleLogProvider",
                    "-Dslf4j.internal.verbosity=WARN",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Probe.class.getName()))
            .redirectErrorStream(false)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), err);
    assertTrue(out.startsWith(ConsoleLogProvider.class.getName() + "$"), out);
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), err);
    // One line: the Spark warning; nothing from SLF4J itself, and Parquet's warning is below its
    // level.
    assertTrue(lines.get(0).endsWith(" WARN SparkContext: a Spark warning"), err);
  }
}
