package org.rfsweep.task;

import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.rfsweep.data.TaskSource;
import org.rfsweep.data.TaskSources;
import org.rfsweep.features.FeatureMaps;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.BlasBackend;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.JobSpec;

/**
 * What Spark runs on an executor for one work unit. It carries only the small spec; the seed's data and features
 * are generated where they are used. BLAS threads are set to the cores this task holds ({@code spark.task.cpus}).
 */
public final class SparkUnitTask implements FlatMapFunction<WorkUnit, FitResult> {
  private static final long serialVersionUID = 1L;
  private final JobSpec spec;
  private final boolean allowJavaBlas;

  public SparkUnitTask(JobSpec spec, boolean allowJavaBlas) {
    this.spec = spec;
    this.allowJavaBlas = allowJavaBlas;
  }

  @Override
  public Iterator<FitResult> call(WorkUnit unit) {
    TaskContext context = TaskContext.get();
    BlasBackend backend = NativeLinalg.initialise(context == null ? 1 : context.cpus());
    if (!backend.isNative() && !allowJavaBlas) {
      throw new IllegalStateException("executor loaded a Java BLAS (" + backend.label()
          + "), 10-40x slower than native; fix the native route or pass --allow-java-blas");
    }
    return runner(spec).run(unit).iterator();
  }

  /** The pure runner for a spec: the task's source and feature map, the grid's ridges. */
  public static UnitRunner runner(JobSpec spec) {
    TaskSource source = TaskSources.create(spec.task(), spec.seed());
    return new UnitRunner(source, FeatureMaps.create(spec.features(), source), spec.seed(),
        spec.grid().ridgeArray(), TaskSources.testSamples(spec.task()), spec.fit().leaveOneOut());
  }
}
