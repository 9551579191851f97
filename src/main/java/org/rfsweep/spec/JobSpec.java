package org.rfsweep.spec;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated job: which task points (a task and a feature map each) over which grid, from which
 * master seed. A job without task axes has one point.
 *
 * @param name job name, recorded in every result row
 * @param seed master seed; every random stream derives from it, the seed index and the stream's
 *     name (never from the task point: points that differ in alpha, beta or noise share their
 *     draws)
 * @param points the task points, in expansion order, with distinct {@link TaskPoint#key}s
 * @param grid widths, sample counts, ridges and the number of seeds, the same at every point
 * @param fit what each fit computes besides train and test risk
 * @param report the report's choices (slices), which no result depends on
 */
public record JobSpec(
    String name, long seed, List<TaskPoint> points, GridSpec grid, FitSpec fit, ReportSpec report)
    implements Serializable {
  /** The most task points one job may hold: far beyond a phase diagram, a guard against typos. */
  public static final int MAX_TASK_POINTS = 10_000;

  public JobSpec {
    if (name == null || name.isBlank()) {
      throw new SpecException("name: must not be empty");
    }
    report = report == null ? ReportSpec.AUTOMATIC : report;
    if (points == null || points.isEmpty() || grid == null || fit == null) {
      throw new SpecException("job " + name + ": task, features, grid and fit are all required");
    }
    points = List.copyOf(points);
    if (points.size() > MAX_TASK_POINTS) {
      throw new SpecException(
          "task axes: " + points.size() + " task points; a job holds at most " + MAX_TASK_POINTS);
    }
    Set<String> keys = new HashSet<>();
    for (TaskPoint point : points) {
      if (!keys.add(point.key())) {
        throw new SpecException(
            "task axes: the task point " + point.key() + " appears twice; each must differ");
      }
    }
  }

  /** A job with the report's automatic choices. */
  public JobSpec(String name, long seed, List<TaskPoint> points, GridSpec grid, FitSpec fit) {
    this(name, seed, points, grid, fit, ReportSpec.AUTOMATIC);
  }

  /** A job of one task point. */
  public JobSpec(
      String name, long seed, TaskSpec task, FeatureSpec features, GridSpec grid, FitSpec fit) {
    this(name, seed, List.of(new TaskPoint(task, features)), grid, fit);
  }

  /** A job of one task point with the default fit options. */
  public JobSpec(String name, long seed, TaskSpec task, FeatureSpec features, GridSpec grid) {
    this(name, seed, task, features, grid, FitSpec.DEFAULT);
  }

  /** Whether the job has task axes (more than one point). */
  public boolean hasTaskAxes() {
    return points.size() > 1;
  }

  /** The task of a job with one point; a job with task axes names its points instead. */
  public TaskSpec task() {
    return single().task();
  }

  /** The feature map of a job with one point. */
  public FeatureSpec features() {
    return single().features();
  }

  /** This job at one of its points: the same name, seed, grid and fit, that point alone. */
  public JobSpec at(TaskPoint point) {
    return new JobSpec(name, seed, List.of(point), grid, fit, report);
  }

  /** This job at each of its points, in order. */
  public List<JobSpec> perPoint() {
    return points.stream().map(this::at).toList();
  }

  private TaskPoint single() {
    if (points.size() != 1) {
      throw new IllegalStateException(
          "job " + name + " has " + points.size() + " task points; ask for one with at(point)");
    }
    return points.get(0);
  }
}
