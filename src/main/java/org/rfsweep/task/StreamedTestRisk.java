package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.linalg.Workspace;
import org.rfsweep.solver.RidgeSolution;

/**
 * The same test risk as {@link SampledTestRisk}, on the same test points, but without holding their
 * features: at evaluation the bank is drawn again and the test points are projected a block at a
 * time. For a large single cell, where the eigendecomposition already holds three matrices, the
 * test features would be a fourth fraction of one held through the whole fit; redrawing the bank
 * costs d N normals, well under 1% of such a fit.
 */
final class StreamedTestRisk implements TestRisk {
  private final BLAS blas;
  private final TaskSource source;
  private final FeatureMap map;
  private final long jobSeed;
  private final int seedIndex;
  private final int points;
  private final Workspace block = new Workspace();
  private final Workspace predictions = new Workspace();

  StreamedTestRisk(
      BLAS blas, TaskSource source, FeatureMap map, long jobSeed, int seedIndex, int points) {
    this.blas = blas;
    this.source = source;
    this.map = map;
    this.jobSeed = jobSeed;
    this.seedIndex = seedIndex;
    this.points = points;
  }

  @Override
  public void evaluate(RidgeSolution solution, double[] out) {
    int width = solution.width();
    int outputs = source.outputs();
    double[] bank = new double[Math.multiplyExact(source.inputDimension(), width)];
    map.weights(jobSeed, seedIndex, 0, width, bank);
    Projector projector = new Projector(blas, source, map, bank, jobSeed, seedIndex);
    int rows = Math.min(points, projector.blockRows());
    double[] features = block.get((long) rows * width);
    double[] labels = new double[Math.multiplyExact(points, outputs)];
    double[] sums = new double[solution.ridges() * outputs];
    for (int from = 0; from < points; from += rows) {
      int count = Math.min(rows, points - from);
      projector.project(
          RandomStreams.TEST, from, from + count, width, features, 0, count, labels, points);
      SampledTestRisk.addSquaredErrors(
          blas,
          solution,
          1.0 / Math.sqrt(width),
          features,
          count,
          from,
          count,
          labels,
          points,
          outputs,
          predictions,
          sums);
    }
    SampledTestRisk.meanOverPoints(sums, solution.ridges(), outputs, points, out);
  }
}
