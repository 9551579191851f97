package org.rfsweep.task;

import java.util.List;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.solver.EigenRidgePath;
import org.rfsweep.solver.RidgeSolution;

/**
 * Times the phases of one cell's fit exactly as {@link UnitRunner} runs them, for the benchmark: drawing and
 * projecting the features, assembling Phi, the ridge path (Gram, eigendecomposition, every ridge, LOO and GCV),
 * and the test predictions.
 */
public final class FitKernelTimer {
  /** Wall seconds of each phase of one cell. */
  public record Phases(double features, double assemble, double ridgePath, double testRisk, double[] phi,
      double[] labels) {}

  private FitKernelTimer() {}

  /** Runs the cell twice and reports the second run: warm JIT, and workspaces reused as across a sweep's cells. */
  public static Phases time(TaskSource source, FeatureMap map, int width, int samples, double[] ridges,
      int testPoints, long seed) {
    EigenRidgePath path = new EigenRidgePath();
    once(source, map, width, samples, ridges, testPoints, seed, path);
    return once(source, map, width, samples, ridges, testPoints, seed, path);
  }

  private static Phases once(TaskSource source, FeatureMap map, int width, int samples, double[] ridges,
      int testPoints, long seed, EigenRidgePath path) {
    long start = System.nanoTime();
    double[] bank = new double[Math.multiplyExact(source.inputDimension(), width)];
    map.weights(seed, 0, 0, width, bank);
    Projector projector = new Projector(NativeLinalg.blas(), source, map, bank, seed, 0);
    SharedFeatures train = new SharedFeatures(projector, List.of(new Cell(width, samples)), source.outputs());
    double[] testFeatures = new double[testPoints * width];
    double[] testLabels = new double[testPoints * source.outputs()];
    projector.project(RandomStreams.TEST, 0, testPoints, width, testFeatures, 0, testPoints, testLabels, testPoints);
    long featuresDone = System.nanoTime();

    double[] phi = new double[Math.multiplyExact(samples, width)];
    double[] y = new double[samples * source.outputs()];
    train.assemble(samples, width, phi);
    train.labels(samples, y);
    long assembled = System.nanoTime();

    RidgeSolution solution = new RidgeSolution();
    path.fit(phi, samples, width, y, source.outputs(), ridges, solution);
    long fitted = System.nanoTime();

    double[] risk = new double[ridges.length];
    new SampledTestRisk(NativeLinalg.blas(), testFeatures, testLabels, testPoints, source.outputs())
        .evaluate(solution, risk);
    long evaluated = System.nanoTime();
    return new Phases((featuresDone - start) * 1e-9, (assembled - featuresDone) * 1e-9, (fitted - assembled) * 1e-9,
        (evaluated - fitted) * 1e-9, phi, y);
  }
}
