package org.rfsweep.task;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import org.rfsweep.linalg.Workspace;
import org.rfsweep.solver.EigenRidgePath;
import org.rfsweep.solver.RidgeSolution;

/**
 * The large arrays a worker thread's fits reuse from unit to unit, whichever runner fits them and
 * whichever Spark task or bin the unit came in: the feature bank, the projection's inputs, the
 * training strips, the test features, Phi, the ridge path's and eigensolver's workspaces.
 *
 * <p>A runner used to own them, and a runner lives for one bin of units: Fig. 1's 800 MB bank and
 * the path's workspaces were allocated afresh for nearly every unit (a bin holds one or two), which
 * cost the kernel clearing pages (perf: 10-15% of the run's CPU in clear_page_erms; its system time
 * fell from 14-27 s to 9-11 s over 45 units when they were kept) beside the JVM's own zeroing. A
 * thread runs one unit at a time, so one set serves every runner on it; task points fitted in one
 * bin no longer hold a set each.
 *
 * <p>Held through a soft reference: between units the JVM may take it back when memory runs short
 * (the next unit then allocates again), so an idle executor thread or a driver writing its report
 * never runs out of heap for arrays kept only for speed. A runner holds it strongly while it fits.
 */
final class ThreadArrays implements SharedFeatures.StripSpace {
  private static final ThreadLocal<SoftReference<ThreadArrays>> OF_THREAD = new ThreadLocal<>();

  final Workspace bank = new Workspace();
  final Workspace projectionInputs = new Workspace();
  private final Workspace scatterSpace = new Workspace();
  final Workspace testFeatures = new Workspace();
  final Workspace phi = new Workspace();
  final Workspace labels = new Workspace();
  final Workspace sharedCoefficients = new Workspace();
  final Workspace riskProducts = new Workspace();
  final Workspace riskStaged = new Workspace();
  final RidgeSolution solution = new RidgeSolution();
  private final List<Workspace> strips = new ArrayList<>();
  private EigenRidgePath withLeaveOneOut;
  private EigenRidgePath withoutLeaveOneOut;

  private ThreadArrays() {}

  /** This thread's arrays, made when it first asks or after the JVM took them back. */
  static ThreadArrays ofThisThread() {
    SoftReference<ThreadArrays> held = OF_THREAD.get();
    ThreadArrays arrays = held == null ? null : held.get();
    if (arrays == null) {
      arrays = new ThreadArrays();
      OF_THREAD.set(new SoftReference<>(arrays));
    }
    return arrays;
  }

  /** The ridge path (with its eigensolver's workspaces), computing leave-one-out or not. */
  EigenRidgePath path(boolean leaveOneOut) {
    if (leaveOneOut) {
      if (withLeaveOneOut == null) {
        withLeaveOneOut = new EigenRidgePath(true);
      }
      return withLeaveOneOut;
    }
    if (withoutLeaveOneOut == null) {
      withoutLeaveOneOut = new EigenRidgePath(false);
    }
    return withoutLeaveOneOut;
  }

  @Override
  public double[] scatterBlock(long length) {
    return scatterSpace.get(length);
  }

  @Override
  public double[] get(int strip, long length) {
    while (strips.size() <= strip) {
      strips.add(new Workspace());
    }
    return strips.get(strip).get(length);
  }
}
