package org.rfsweep.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.rfsweep.grid.Cell;

/**
 * Power-law fits of the optimal test risk (min over the ridge grid of the mean over seeds) along
 * every sweep with at least {@value #MIN_POINTS} points, and jointly over all cells. Confidence
 * intervals come from a bootstrap over seeds: each replicate redraws the seeds with replacement
 * (the same draw for every cell, keeping curves paired), recomputes the optimal curve and refits;
 * the interval is the 2.5-97.5 percentile range.
 */
public final class ExponentsTable {
  static final int MIN_POINTS = 4;

  /**
   * Bootstrap replicates search exponents this far around the full data's (a replicate moves them
   * by ~0.01-0.1).
   */
  static final double BOOTSTRAP_RADIUS = 0.5;

  private ExponentsTable() {}

  public static List<ExponentRow> compute(
      List<SeedRisk> fits,
      Map<Long, OptimalTable.TheoryOptimum> theory,
      int bootstrapCount,
      long bootstrapSeed) {
    Tensor tensor = new Tensor(fits);
    double[] full = tensor.optimalCurve(tensor.unitWeights());
    double[][] replicates = new double[bootstrapCount][];
    IntStream.range(0, bootstrapCount)
        .parallel()
        .forEach(
            b -> {
              Random random = new Random(bootstrapSeed + 0x9E3779B97F4A7C15L * (b + 1));
              double[] weights = new double[tensor.seeds.length];
              for (int i = 0; i < weights.length; i++) {
                weights[random.nextInt(weights.length)] += 1;
              }
              replicates[b] = tensor.optimalCurve(weights);
            });
    double[] theoryCurve = new double[tensor.cells.length];
    for (int c = 0; c < theoryCurve.length; c++) {
      OptimalTable.TheoryOptimum t =
          theory.get(OptimalTable.key(tensor.cells[c][0], tensor.cells[c][1]));
      theoryCurve[c] = t == null ? Double.NaN : t.testMse();
    }

    // Every fit of the full data (and of the theory's curve) first, then every replicate's refit,
    // each phase one set of tasks taken in turn by every core: the joint law's full fit alone was a
    // sixth of the exponents' CPU, and run between the slices' replicates it left a core idle.
    List<Slice> slices = slices(tensor, full);
    int[] all =
        IntStream.range(0, tensor.cells.length)
            .filter(c -> usable(full[c]) && tensor.cells[c][0] != Cell.INFINITE)
            .toArray();
    long widths = Arrays.stream(all).map(c -> tensor.cells[c][0]).distinct().count();
    long samples = Arrays.stream(all).map(c -> tensor.cells[c][1]).distinct().count();
    Joint joint =
        all.length >= 2 * MIN_POINTS && widths >= 2 && samples >= 2
            ? new Joint(
                Arrays.stream(all).mapToDouble(c -> tensor.cells[c][0]).toArray(),
                Arrays.stream(all).mapToDouble(c -> tensor.cells[c][1]).toArray(),
                all)
            : null;
    // The joint law's tasks (the costliest) first in each phase, so the last ones left are short.
    // Each task writes its own slot: the joint law's fit of the data (0) and of the theory (1), a
    // slice's fit and its theory's exponent (NaN without theory).
    PowerLawFit.JointFit[] jointFull = new PowerLawFit.JointFit[2];
    PowerLawFit.Fit[] sliceFits = new PowerLawFit.Fit[slices.size()];
    double[] theoryExponents = new double[slices.size()];
    Arrays.fill(theoryExponents, Double.NaN);
    int jointFits = joint == null ? 0 : 2;
    inTurn(
        jointFits + 2 * slices.size(),
        t -> {
          if (t < jointFits) {
            double[] curve = t == 0 ? full : theoryCurve;
            if (allUsable(curve, joint.cells())) {
              jointFull[t] =
                  PowerLawFit.joint(joint.widths(), joint.samples(), pick(curve, joint.cells()));
            }
            return;
          }
          int k = (t - jointFits) / 2;
          Slice slice = slices.get(k);
          if ((t - jointFits) % 2 == 0) {
            sliceFits[k] = fit(slice.model(), slice.x(), pick(full, slice.cells()));
          } else if (allUsable(theoryCurve, slice.cells())) {
            theoryExponents[k] =
                fit(slice.model(), slice.x(), pick(theoryCurve, slice.cells())).exponent();
          }
        });
    double[][] sliceExponents = new double[slices.size()][bootstrapCount];
    PowerLawFit.JointFit[] jointReplicates = new PowerLawFit.JointFit[bootstrapCount];
    int jointTasks = joint == null ? 0 : bootstrapCount;
    inTurn(
        jointTasks + slices.size() * bootstrapCount,
        t -> {
          if (t < jointTasks) {
            double[] r = replicates[t];
            jointReplicates[t] =
                allUsable(r, joint.cells())
                    ? PowerLawFit.jointNear(
                        joint.widths(),
                        joint.samples(),
                        pick(r, joint.cells()),
                        jointFull[0].exponentWidth(),
                        jointFull[0].exponentSamples(),
                        BOOTSTRAP_RADIUS)
                    : null;
            return;
          }
          int k = (t - jointTasks) / bootstrapCount;
          int b = (t - jointTasks) % bootstrapCount;
          Slice slice = slices.get(k);
          double[] r = replicates[b];
          sliceExponents[k][b] =
              allUsable(r, slice.cells())
                  ? refit(slice.model(), slice.x(), pick(r, slice.cells()), sliceFits[k].exponent())
                  : Double.NaN;
        });

    List<ExponentRow> rows = new ArrayList<>();
    for (int k = 0; k < slices.size(); k++) {
      rows.add(
          sliceRow(
              slices.get(k),
              sliceFits[k],
              theoryExponents[k],
              sliceExponents[k],
              bootstrapCount,
              bootstrapSeed));
    }
    if (joint != null) {
      rows.add(
          jointRow(
              joint.cells().length,
              jointFull[0],
              jointFull[1],
              jointReplicates,
              bootstrapCount,
              bootstrapSeed));
    }
    return rows;
  }

  /**
   * Runs tasks 0 .. count-1, each once, on the calling thread and the common pool's: each thread
   * takes the next task not yet taken. A parallel stream would cut the range into a few fixed
   * chunks (about four on two cores), and the chunk holding the joint law's fits ran long after the
   * others had ended.
   */
  private static void inTurn(int count, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    IntStream.range(0, ForkJoinPool.getCommonPoolParallelism() + 1)
        .parallel()
        .forEach(
            lane -> {
              for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
                task.accept(t);
              }
            });
  }

  /** A power-law fit along one sweep: its model, its cells and their x values. */
  private record Slice(
      String sweep, String model, String fixedAxis, double fixed, double[] x, int[] cells) {}

  /** The joint law's cells, their widths and sample counts. */
  private record Joint(double[] widths, double[] samples, int[] cells) {}

  /**
   * Every sweep with at least {@value #MIN_POINTS} usable points, both models each: risk against
   * width at each sample count, then against samples at each width.
   */
  private static List<Slice> slices(Tensor tensor, double[] full) {
    List<Slice> slices = new ArrayList<>();
    for (int sweepAxis = 0; sweepAxis < 2; sweepAxis++) {
      int axis = sweepAxis;
      int other = 1 - axis;
      TreeSet<Integer> fixedValues = new TreeSet<>();
      for (int[] cell : tensor.cells) {
        fixedValues.add(cell[other]);
      }
      for (int fixed : fixedValues) {
        int[] slice =
            IntStream.range(0, tensor.cells.length)
                .filter(c -> tensor.cells[c][other] == fixed)
                .filter(c -> usable(full[c]))
                // No power law in width runs through inf (the kernel limit is the offset it tends
                // to); against samples at width inf it is the kernel's learning curve.
                .filter(c -> axis == 1 || tensor.cells[c][0] != Cell.INFINITE)
                .toArray();
        if (slice.length < MIN_POINTS) {
          continue;
        }
        double[] x = Arrays.stream(slice).mapToDouble(c -> tensor.cells[c][axis]).toArray();
        for (String model : new String[] {"offset", "pure"}) {
          slices.add(
              new Slice(
                  axis == 0 ? "width" : "samples",
                  model,
                  axis == 0 ? "samples" : "width",
                  axis == 0 ? fixed : Cell.widthValue(fixed),
                  x,
                  slice));
        }
      }
    }
    return slices;
  }

  private static ExponentRow sliceRow(
      Slice slice,
      PowerLawFit.Fit fit,
      double theoryExponent,
      double[] replicates,
      int count,
      long seed) {
    double[] exponents = Arrays.stream(replicates).filter(e -> !Double.isNaN(e)).sorted().toArray();
    return new ExponentRow(
        slice.sweep(),
        slice.model(),
        slice.fixedAxis(),
        slice.fixed(),
        slice.cells().length,
        fit.exponent(),
        percentile(exponents, 0.025),
        percentile(exponents, 0.975),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        fit.offset(),
        fit.amplitude(),
        Double.NaN,
        fit.loss(),
        theoryExponent,
        Double.NaN,
        count,
        seed);
  }

  /**
   * @param theory the joint law's fit of the theory's curve, or null without theory
   * @param replicates the bootstrap refits, null where a replicate had an unusable cell
   */
  private static ExponentRow jointRow(
      int points,
      PowerLawFit.JointFit fit,
      PowerLawFit.JointFit theory,
      PowerLawFit.JointFit[] replicates,
      int count,
      long seed) {
    List<PowerLawFit.JointFit> boot =
        Arrays.stream(replicates).filter(java.util.Objects::nonNull).toList();
    double[] a = boot.stream().mapToDouble(PowerLawFit.JointFit::exponentWidth).sorted().toArray();
    double[] b =
        boot.stream().mapToDouble(PowerLawFit.JointFit::exponentSamples).sorted().toArray();
    return new ExponentRow(
        "joint",
        "joint",
        "",
        0,
        points,
        fit.exponentWidth(),
        percentile(a, 0.025),
        percentile(a, 0.975),
        fit.exponentSamples(),
        percentile(b, 0.025),
        percentile(b, 0.975),
        fit.offset(),
        fit.amplitudeWidth(),
        fit.amplitudeSamples(),
        fit.loss(),
        theory == null ? Double.NaN : theory.exponentWidth(),
        theory == null ? Double.NaN : theory.exponentSamples(),
        count,
        seed);
  }

  private static double refit(String model, double[] x, double[] y, double exponent) {
    return model.equals("pure")
        ? PowerLawFit.pure(x, y).exponent()
        : PowerLawFit.offsetNear(x, y, exponent, BOOTSTRAP_RADIUS).exponent();
  }

  private static PowerLawFit.Fit fit(String model, double[] x, double[] y) {
    return model.equals("pure") ? PowerLawFit.pure(x, y) : PowerLawFit.offset(x, y);
  }

  private static boolean usable(double value) {
    return value > 0 && Double.isFinite(value);
  }

  private static boolean allUsable(double[] curve, int[] slice) {
    return Arrays.stream(slice).allMatch(c -> usable(curve[c]));
  }

  private static double[] pick(double[] curve, int[] slice) {
    return Arrays.stream(slice).mapToDouble(c -> curve[c]).toArray();
  }

  /** Linear-interpolated percentile of sorted values; NaN when there are none. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Test risks as cells x ridges x seeds, NaN where a fit is missing or failed. */
  private static final class Tensor {
    final int[][] cells;
    final double[] ridges;
    final int[] seeds;
    final double[][][] test;

    Tensor(List<SeedRisk> fits) {
      TreeSet<Long> cellKeys = new TreeSet<>();
      TreeSet<Double> ridgeSet = new TreeSet<>();
      TreeSet<Integer> seedSet = new TreeSet<>();
      for (SeedRisk f : fits) {
        cellKeys.add(OptimalTable.key(f.width(), f.samples()));
        ridgeSet.add(f.ridge());
        seedSet.add(f.seed());
      }
      cells =
          cellKeys.stream()
              .map(k -> new int[] {(int) (k >>> 32), (int) (long) k})
              .toArray(int[][]::new);
      ridges = ridgeSet.stream().mapToDouble(Double::doubleValue).toArray();
      seeds = seedSet.stream().mapToInt(Integer::intValue).toArray();
      Map<Long, Integer> cellIndex = new HashMap<>();
      for (long key : cellKeys) {
        cellIndex.put(key, cellIndex.size());
      }
      test = new double[cells.length][ridges.length][seeds.length];
      for (double[][] byRidge : test) {
        for (double[] bySeed : byRidge) {
          Arrays.fill(bySeed, Double.NaN);
        }
      }
      for (SeedRisk f : fits) {
        int c = cellIndex.get(OptimalTable.key(f.width(), f.samples()));
        test[c][Arrays.binarySearch(ridges, f.ridge())][Arrays.binarySearch(seeds, f.seed())] =
            f.testMse();
      }
    }

    double[] unitWeights() {
      double[] w = new double[seeds.length];
      Arrays.fill(w, 1.0);
      return w;
    }

    /** min over ridges of the weighted mean over seeds, per cell. */
    double[] optimalCurve(double[] weights) {
      double[] curve = new double[cells.length];
      for (int c = 0; c < cells.length; c++) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < ridges.length; r++) {
          double sum = 0;
          double total = 0;
          for (int s = 0; s < seeds.length; s++) {
            if (weights[s] > 0 && !Double.isNaN(test[c][r][s])) {
              sum += weights[s] * test[c][r][s];
              total += weights[s];
            }
          }
          if (total > 0) {
            best = Math.min(best, sum / total);
          }
        }
        curve[c] = best;
      }
      return curve;
    }
  }
}
