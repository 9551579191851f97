package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.bench.Benchmark;
import org.rfsweep.driver.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark: rfsweep against the hardware and the usual alternatives, side by side in one run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure, in one run: native dgemm GFLOP/s; the fit kernel at (N, n) = (1024, 1024), "
          + "(2048, 4096), (4096, 2048), (4096, 4096) with 31 ridges and 1000 test points, split into phases and "
          + "against LAPACK alone, one Cholesky per ridge and MLlib's LinearRegression; Spark's share of the "
          + "quickstart sweep; its whole command against the same cells in numpy; peak memory of 4096 x 4096 "
          + "and 8192 x 8192 tasks. Prints a table and writes CSV.",
      "Takes about 7 minutes on 2 cores (--quick: seconds, small sizes; --size and --only: parts)."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      defaultValue = "bench.csv",
      description = "CSV output (default bench.csv)")
  Path csv;

  @Option(
      names = "--quick",
      description = "small sizes only: checks the benchmark runs, measures little")
  boolean quick;

  @Option(
      names = "--mllib-all-sizes",
      description = "also time MLlib at width 4096 (minutes per fit)")
  boolean mllibAllSizes;

  @Option(
      names = "--quickstart",
      paramLabel = "SPEC",
      defaultValue = "jobs/quickstart.yaml",
      description = "the sweep whose Spark share is measured (default jobs/quickstart.yaml)")
  Path quickstart;

  @Option(
      names = "--size",
      paramLabel = "NxM",
      split = ",",
      description =
          "fit-kernel shapes width x samples, e.g. --size 4096x2048 (default: 1024x1024, 2048x4096, "
              + "4096x2048 and 4096x4096)")
  List<String> sizes;

  @Option(
      names = "--only",
      paramLabel = "PART",
      split = ",",
      description =
          "run only these parts: fit, spark, memory, whole (the quickstart's whole command through "
              + "./rfsweep and again with its fits as Spark tasks, the same units on plain threads, the same "
              + "cells in numpy when python3 "
              + "has it, report alone, and its small cells against LAPACK alone; dgemm peak "
              + "always runs; default: all)")
  Set<String> parts;

  @Override
  public Integer call() {
    Set<String> all = Set.of("fit", "spark", "memory", "whole");
    Set<String> chosen = parts == null ? all : parts;
    for (String part : chosen) {
      if (!all.contains(part)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--only: unknown part '" + part + "'; expected fit, spark, memory or whole");
      }
    }
    List<int[]> shapes = sizes == null ? null : sizes.stream().map(this::shape).toList();
    SparkSession spark = SparkSessions.create("rfsweep bench", null);
    try {
      System.out.printf(
          "%-14s %-52s %12s %-8s %-10s %-4s %s%n",
          "section", "figure", "value", "unit", "target", "met", "note");
      Benchmark.Options options =
          new Benchmark.Options(quick, mllibAllSizes, csv, quickstart, shapes, chosen);
      new Benchmark(options, System.out::println).run(spark);
      System.out.println("rfsweep: wrote " + csv);
      return 0;
    } finally {
      spark.stop();
    }
  }

  private int[] shape(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        int width = Integer.parseInt(parts[0].trim());
        int samples = Integer.parseInt(parts[1].trim());
        if (width > 0 && samples > 0) {
          return new int[] {width, samples};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "--size: expected WIDTHxSAMPLES with positive integers, e.g. 4096x2048, found '"
            + text
            + "'");
  }
}
