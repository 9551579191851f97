package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.bench.Benchmark;
import org.rfsweep.driver.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark: rfsweep against the hardware and the usual alternatives, side by side in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure, in one run: native dgemm GFLOP/s; the fit kernel at (N, n) = (1024, 1024), "
        + "(2048, 4096), (4096, 2048), (4096, 4096) with 31 ridges and 1000 test points, split into phases and "
        + "against LAPACK alone, one Cholesky per ridge and MLlib's LinearRegression; Spark's share of the "
        + "quickstart sweep; peak memory of 4096 x 4096 and 8192 x 8192 tasks. Prints a table and writes CSV.",
        "Takes about 5 minutes on 2 cores (--quick: seconds, small sizes)."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--csv", paramLabel = "FILE", defaultValue = "bench.csv", description = "CSV output (default bench.csv)")
  Path csv;

  @Option(names = "--quick", description = "small sizes only: checks the benchmark runs, measures little")
  boolean quick;

  @Option(names = "--mllib-all-sizes", description = "also time MLlib at width 4096 (minutes per fit)")
  boolean mllibAllSizes;

  @Option(names = "--quickstart", paramLabel = "SPEC", defaultValue = "jobs/quickstart.yaml",
      description = "the sweep whose Spark share is measured (default jobs/quickstart.yaml)")
  Path quickstart;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rfsweep bench", null);
    try {
      System.out.printf("%-14s %-52s %12s %-8s %-10s %-4s %s%n", "section", "figure", "value", "unit", "target",
          "met", "note");
      new Benchmark(new Benchmark.Options(quick, mllibAllSizes, csv, quickstart), System.out::println).run(spark);
      System.out.println("rfsweep: wrote " + csv);
      return 0;
    } finally {
      spark.stop();
    }
  }
}
