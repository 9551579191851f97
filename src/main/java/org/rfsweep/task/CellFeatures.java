package org.rfsweep.task;

import java.util.List;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.linalg.NativeLinalg;

/**
 * One cell's training features and labels exactly as a sweep builds them for seed 0 of a job seed,
 * as plain arrays: for comparisons against other solvers (the benchmark) and for tests.
 *
 * @param phi Phi, samples x width, column-major
 * @param labels samples x outputs, column-major
 */
public record CellFeatures(double[] phi, double[] labels) {

  public static CellFeatures of(
      TaskSource source, FeatureMap map, long jobSeed, int width, int samples) {
    double[] bank = new double[Math.multiplyExact(source.inputDimension(), width)];
    map.weights(jobSeed, 0, 0, width, bank);
    Projector projector = new Projector(NativeLinalg.blas(), source, map, bank, jobSeed, 0);
    SharedFeatures train =
        new SharedFeatures(projector, List.of(new Cell(width, samples)), source.outputs());
    double[] phi = new double[Math.multiplyExact(samples, width)];
    double[] labels = new double[Math.multiplyExact(samples, source.outputs())];
    train.assemble(samples, width, phi);
    train.labels(samples, labels);
    return new CellFeatures(phi, labels);
  }
}
