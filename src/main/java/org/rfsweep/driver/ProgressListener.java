package org.rfsweep.driver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.rfsweep.grid.WorkUnit;

/**
 * Feeds a sweep's {@link Progress} from Spark's task events; registered only while the sweep's jobs
 * run.
 *
 * <p>Each chunk is one Spark job of one stage whose partition i is the chunk's bin of units i. Two
 * chunks' jobs may run at once, so a task is matched to its chunk through its stage: the chunk's
 * name travels with the job as a local property.
 */
final class ProgressListener extends SparkListener {
  /** The job group every chunk's job runs under. */
  static final String JOB_GROUP = "rfsweep";

  /** The local property naming a job's chunk (see {@link #queue}). */
  static final String CHUNK_PROPERTY = "rfsweep.chunk";

  private final Progress progress;
  private final Map<String, List<List<WorkUnit>>> chunks = new HashMap<>();
  private final Map<Integer, List<List<WorkUnit>>> stages = new HashMap<>();

  ProgressListener(Progress progress) {
    this.progress = progress;
  }

  /**
   * The bins of units of chunk {@code name}, one per task in partition order; call before
   * submitting its job with {@link #CHUNK_PROPERTY} set to {@code name}.
   */
  synchronized void queue(String name, List<List<WorkUnit>> bins) {
    chunks.put(name, List.copyOf(bins));
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String chunk = properties == null ? null : properties.getProperty(CHUNK_PROPERTY);
    if (chunk != null && chunks.containsKey(chunk)) {
      stages.put(submitted.stageInfo().stageId(), chunks.get(chunk));
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!taskEnd.taskInfo().successful()) {
      progress.failed(String.valueOf(taskEnd.reason()));
      return;
    }
    int index = taskEnd.taskInfo().index();
    List<List<WorkUnit>> bins = stages.getOrDefault(taskEnd.stageId(), List.of());
    progress.done(index < bins.size() ? bins.get(index) : List.of());
  }
}
