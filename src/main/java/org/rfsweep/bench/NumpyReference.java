package org.rfsweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.Sweep;

/**
 * The quickstart's own yardstick: the same cells written carefully in numpy (one feature bank per
 * seed, one eigendecomposition per cell for every ridge, exact test risk and leave-one-out as the
 * spec asks; see numpy_sweep.py beside this class), run as a user runs a script, so a ratio
 * measured in one sitting stands in for "no slower than numpy" on whatever machine runs the
 * benchmark. numpy uses its BLAS with the threads it picks (one per core), as a script left alone
 * does.
 */
final class NumpyReference {
  private static final String SCRIPT = "numpy_sweep.py";

  private static final List<String> BLAS_THREAD_VARIABLES =
      List.of("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS");

  /**
   * @param wholeSeconds the python command, interpreter start to exit
   * @param loopSeconds its compute loop alone
   * @param fits cells x seeds it fitted
   * @param blas numpy's BLAS as its build records it
   */
  record Timing(double wholeSeconds, double loopSeconds, long fits, String blas) {}

  private NumpyReference() {}

  /**
   * Why {@code spec} has no numpy reference (only a power-law task with linear features and finite
   * widths has one), or null when it has.
   */
  static String unsupported(JobSpec spec) {
    if (spec.hasTaskAxes() || !(spec.task() instanceof PowerLawTaskSpec)) {
      return "the reference covers one power-law task";
    }
    if (spec.features().kind() != FeatureKind.LINEAR) {
      return "the reference covers linear features";
    }
    for (Sweep sweep : spec.grid().sweeps()) {
      if (sweep.widths().contains(Sweep.INFINITE_WIDTH)) {
        return "the reference covers finite widths";
      }
    }
    return null;
  }

  /**
   * Why numpy cannot run here (no python3, or no numpy), or null when it can.
   *
   * @param python the interpreter to use
   */
  static String unavailable(String python) {
    try {
      Process probe =
          new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        return python + " has no numpy (apt-get install python3-numpy)";
      }
      return null;
    } catch (IOException e) {
      return "no " + python + " on the PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Runs the reference over the cells of {@code spec} (see {@link #unsupported}). */
  static Timing run(String python, JobSpec spec) {
    long start = System.nanoTime();
    JsonNode result = execute(python, parameters(spec));
    double whole = (System.nanoTime() - start) * 1e-9;
    return new Timing(
        whole,
        result.path("seconds").asDouble(),
        result.path("fits").asLong(),
        result.path("blas").asText("unknown"));
  }

  /** The script run on {@code parameters}: its JSON answer. */
  static JsonNode execute(String python, ObjectNode parameters) {
    try {
      Path script = Files.createTempFile("rfsweep-numpy", ".py");
      try (InputStream in = NumpyReference.class.getResourceAsStream(SCRIPT)) {
        Files.write(script, in.readAllBytes());
      }
      try {
        ProcessBuilder builder =
            new ProcessBuilder(python, script.toString(), parameters.toString())
                .redirectErrorStream(true);
        // As a user's shell starts it: the launcher pins this JVM's BLAS to one thread per task,
        // which a script left alone does not inherit (numpy takes a thread per core).
        builder.environment().keySet().removeAll(BLAS_THREAD_VARIABLES);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
          throw new IllegalStateException("numpy reference failed (" + code + "): " + output);
        }
        List<String> lines = output.strip().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The script's input: the task, the plan's cells, ridges, seeds. */
  static ObjectNode parameters(JobSpec spec) {
    PowerLawTaskSpec task = (PowerLawTaskSpec) spec.task();
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("modes", task.modes());
    node.put("alpha", task.alpha());
    node.put("beta", task.beta());
    node.put("noise", task.noise());
    ArrayNode cells = node.putArray("cells");
    for (Cell cell : GridPlan.of(spec).cells()) {
      cells.addArray().add(cell.width()).add(cell.samples());
    }
    spec.grid().ridges().forEach(node.putArray("ridges")::add);
    node.put("seeds", spec.grid().seeds());
    node.put("leave_one_out", spec.fit().leaveOneOut());
    node.put("seed", spec.seed());
    return node;
  }
}
