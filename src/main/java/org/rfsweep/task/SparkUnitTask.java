package org.rfsweep.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.rfsweep.data.TaskSource;
import org.rfsweep.data.TaskSources;
import org.rfsweep.features.FeatureMaps;
import org.rfsweep.grid.NormalDraws;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.BlasBackend;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.JobSpec;

/**
 * What Spark runs on an executor for one task: a bin of work units, fitted one after another by one
 * runner (whose workspaces then serve them all). It carries only the small spec; the seeds' data
 * and features are generated where they are used. BLAS threads are set to the cores this task holds
 * ({@code spark.task.cpus}). A local sweep's driver threads run the same {@link #fit} on their
 * bins, so both engines compute the same rows.
 */
public final class SparkUnitTask implements FlatMapFunction<List<WorkUnit>, PointFit> {
  private static final long serialVersionUID = 1L;
  private final JobSpec spec;
  private final boolean allowJavaBlas;

  public SparkUnitTask(JobSpec spec, boolean allowJavaBlas) {
    this.spec = spec;
    this.allowJavaBlas = allowJavaBlas;
  }

  @Override
  public Iterator<PointFit> call(List<WorkUnit> bin) {
    TaskContext context = TaskContext.get();
    return fit(bin, context == null ? 1 : context.cpus()).iterator();
  }

  /**
   * Fits a bin's units with {@code cpus} BLAS threads: what a Spark task runs, and what the
   * driver's own threads run for a sweep without Spark.
   */
  public List<PointFit> fit(List<WorkUnit> bin, int cpus) {
    BlasBackend backend = NativeLinalg.initialise(cpus);
    if (!backend.isNative() && !allowJavaBlas) {
      throw new IllegalStateException(
          "executor loaded a Java BLAS ("
              + backend.label()
              + "), 10-40x slower than native; fix the native route or pass --allow-java-blas");
    }
    // One runner per task point in the bin: its workspaces serve every unit of that point. The
    // points of a seed share their standard-normal draws (the bin holds a seed's points together).
    NormalDraws draws = spec.hasTaskAxes() ? new NormalDraws(sharedDrawBytes()) : null;
    Map<Integer, UnitRunner> runners = new HashMap<>();
    List<PointFit> results = new ArrayList<>();
    for (WorkUnit unit : bin) {
      UnitRunner runner =
          runners.computeIfAbsent(unit.point(), p -> runner(spec.at(spec.points().get(p)), draws));
      for (FitResult fit : runner.run(unit)) {
        results.add(new PointFit(unit.point(), fit));
      }
    }
    return results;
  }

  /**
   * The most a task keeps of shared draws: a sixteenth of the heap per task slot, at most 512 MiB
   * (a seed's training inputs at n = 2048 on 2500 modes are 41 MiB, its feature weights as much).
   */
  static long sharedDrawBytes() {
    int slots = Math.max(1, Runtime.getRuntime().availableProcessors());
    return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / slots / 16);
  }

  /** The pure runner for a spec: the task's source and feature map, the grid's ridges. */
  public static UnitRunner runner(JobSpec spec) {
    return runner(spec, null);
  }

  /**
   * @param draws standard normals shared with the other task points of this Spark task, or null
   */
  public static UnitRunner runner(JobSpec spec, NormalDraws draws) {
    TaskSource source = TaskSources.create(spec.task(), spec.seed(), draws);
    return new UnitRunner(
        source,
        FeatureMaps.create(spec.features(), source, draws),
        spec.seed(),
        spec.grid().ridgeArray(),
        TaskSources.testSamples(spec.task()),
        spec.fit().leaveOneOut());
  }
}
