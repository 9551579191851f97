package org.rfsweep.cli;

import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * The launcher's two-step start. A {@code run} or {@code report} starts on a JVM that compiles with
 * C1 alone ({@code -XX:TieredStopAtLevel=1}): a small sweep of the power-law task with linear
 * features, whose fits are BLAS calls, then spends no CPU on C2's compiles nor on profiled code,
 * CPU the command itself needs on two cores (measured here in alternating runs: the quickstart's
 * whole command 9.49 -> 8.54 s over 6 pairs, its {@code report} 3.84 -> 3.37 s over 5). Anything
 * else needs C2: Java loops that run long (ReLU and Fourier features, a measured spectrum's 10,000
 * modes in every theory value, large tables) ran slower on C1 alone: Fashion-MNIST's ReLU sweep
 * 17.5 -> 20.9 s, Fig. 1 11% slower, {@code report} on the phase diagram's folder 43%. Such a
 * command exits with {@link #RELAUNCH} as soon as it knows its job, before it has printed or
 * written anything, and the launcher starts it again with the full JIT (about 0.4 s lost). Without
 * the launcher's property (tests, spark-submit) nothing changes.
 */
final class QuickJit {
  /** Set to {@code quick} by the launcher on a JVM started with C1 alone. */
  static final String PROPERTY = "rfsweep.jit";

  /** The exit code asking the launcher for the full JIT (EX_TEMPFAIL: try again). */
  static final int RELAUNCH = 75;

  /**
   * Estimated fits seconds up to which a run stays on C1 (at the cost model's conservative speed:
   * the quickstart is estimated at 6 s).
   */
  static final double RUN_MAX_FIT_SECONDS = 10;

  /** Rows up to which {@code report} stays on C1 (the quickstart has 9,408; Fig. 1 86,490). */
  static final long REPORT_MAX_ROWS = 20_000;

  private QuickJit() {}

  /** Whether this JVM was started with C1 alone and may ask for the full JIT. */
  static boolean active() {
    return "quick".equals(System.getProperty(PROPERTY));
  }

  /** Whether a run should start again with the full JIT. */
  static boolean runNeedsC2(JobSpec job, boolean onThreads, double fitSeconds) {
    return active() && !(onThreads && fitSeconds <= RUN_MAX_FIT_SECONDS && fitsAreBlas(job));
  }

  /** Whether a report should start again with the full JIT. */
  static boolean reportNeedsC2(JobSpec job, long rows) {
    return active() && !(rows <= REPORT_MAX_ROWS && fitsAreBlas(job));
  }

  /** One task point of the power-law task with linear features: its work is BLAS, not Java. */
  private static boolean fitsAreBlas(JobSpec job) {
    return job.points().size() == 1
        && job.task() instanceof PowerLawTaskSpec
        && job.features().kind() == FeatureKind.LINEAR;
  }
}
