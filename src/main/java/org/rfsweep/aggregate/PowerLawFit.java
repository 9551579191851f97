package org.rfsweep.aggregate;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Power-law fits of a risk curve y(x): pure A x^-a, with an offset E + A x^-a, and the joint law
 * L(N, n) = E + A N^-a + B n^-b. The loss is robust (Huber, on log residuals, so every decade
 * weighs the same and a stray cell cannot drag the exponent). Exponents are found by variable
 * projection: for fixed exponents the amplitudes are a small non-negative least-squares problem,
 * solved by iteratively reweighted relative least squares; the exponents themselves by a scan (the
 * safeguard against local minima) refined by Brent's method (one exponent) or BOBYQA (two), both
 * from Apache Commons Math. A bootstrap replicate starts from the full data's exponents and scans
 * only a few points around them.
 */
public final class PowerLawFit {
  /** Log residuals beyond 5% count linearly, not quadratically. */
  static final double HUBER = 0.05;

  private static final double MIN_EXPONENT = 0.005;
  private static final double MAX_EXPONENT = 4.0;
  private static final int SCAN = 80;
  private static final int JOINT_SCAN = 24;
  private static final int LOCAL_SCAN = 6;

  /**
   * Bootstrap replicates only feed percentiles of intervals ~0.05 wide: 1e-4 in the exponent is
   * plenty.
   */
  private static final double LOCAL_TOLERANCE = 1e-4;

  private static final int REWEIGHTINGS = 12;

  private PowerLawFit() {}

  /**
   * y = offset + amplitude x^-exponent (offset 0 for the pure law), with the robust loss at the
   * optimum.
   */
  public record Fit(double exponent, double amplitude, double offset, double loss, int points) {}

  /** y = offset + amplitudeWidth N^-exponentWidth + amplitudeSamples n^-exponentSamples. */
  public record JointFit(
      double offset,
      double amplitudeWidth,
      double exponentWidth,
      double amplitudeSamples,
      double exponentSamples,
      double loss,
      int points) {}

  /** A x^-a: robust linear regression of log y on log x. */
  public static Fit pure(double[] x, double[] y) {
    int n = x.length;
    double[] lx = new double[n];
    double[] ly = new double[n];
    for (int i = 0; i < n; i++) {
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(y[i]);
    }
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    double slope = 0;
    double intercept = 0;
    for (int iteration = 0; iteration < 4 * REWEIGHTINGS; iteration++) {
      double sw = 0;
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      for (int i = 0; i < n; i++) {
        sw += w[i];
        sx += w[i] * lx[i];
        sy += w[i] * ly[i];
        sxx += w[i] * lx[i] * lx[i];
        sxy += w[i] * lx[i] * ly[i];
      }
      double denominator = sw * sxx - sx * sx;
      slope = denominator == 0 ? 0 : (sw * sxy - sx * sy) / denominator;
      intercept = (sy - slope * sx) / sw;
      boolean same = true;
      for (int i = 0; i < n; i++) {
        double next = huberWeight(ly[i] - intercept - slope * lx[i]);
        same &= next == w[i];
        w[i] = next;
      }
      if (same) {
        break; // the same weights give the same line: further passes change nothing
      }
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      loss += huber(ly[i] - intercept - slope * lx[i]);
    }
    return new Fit(-slope, Math.exp(intercept), 0.0, loss, n);
  }

  /** E + A x^-a with E, A >= 0. */
  public static Fit offset(double[] x, double[] y) {
    return offsetNear(x, y, (MIN_EXPONENT + MAX_EXPONENT) / 2, (MAX_EXPONENT - MIN_EXPONENT) / 2);
  }

  /** The offset fit searching the exponent within {@code radius} of a0. */
  public static Fit offsetNear(double[] x, double[] y, double a0, double radius) {
    Work work = new Work(2, x.length);
    DoubleUnaryOperator loss =
        a -> {
          fillBasis(work.basis, x, a);
          return amplitudes(work, y).loss;
        };
    double lo = Math.max(MIN_EXPONENT, a0 - radius);
    double hi = Math.min(MAX_EXPONENT, a0 + radius);
    boolean local = hi - lo < MAX_EXPONENT - MIN_EXPONENT;
    double a = minimise(loss, lo, hi, local ? LOCAL_SCAN : SCAN);
    fillBasis(work.basis, x, a);
    Amplitudes best = amplitudes(work, y);
    return new Fit(a, best.theta[1], best.theta[0], best.loss, x.length);
  }

  /** L(N, n) = E + A N^-a + B n^-b with E, A, B >= 0, scanning the whole exponent range. */
  public static JointFit joint(double[] widths, double[] samples, double[] y) {
    double half = (MAX_EXPONENT - MIN_EXPONENT) / 2;
    return search(
        widths, samples, y, MIN_EXPONENT + half, MIN_EXPONENT + half, half, JOINT_SCAN, 1e-7);
  }

  /**
   * The joint fit searching exponents within {@code radius} of (a0, b0): bootstrap replicates start
   * from the full data's exponents, so they need only a local scan.
   */
  public static JointFit jointNear(
      double[] widths, double[] samples, double[] y, double a0, double b0, double radius) {
    return jointNear(widths, samples, y, a0, b0, radius, LOCAL_TOLERANCE);
  }

  /**
   * The same local search to {@code tolerance}: below {@link #LOCAL_TOLERANCE} refined by BOBYQA,
   * as the full fit is (tests compare the two).
   */
  static JointFit jointNear(
      double[] widths,
      double[] samples,
      double[] y,
      double a0,
      double b0,
      double radius,
      double tolerance) {
    return search(widths, samples, y, a0, b0, radius, LOCAL_SCAN, tolerance);
  }

  private static JointFit search(
      double[] widths,
      double[] samples,
      double[] y,
      double a0,
      double b0,
      double radius,
      int scan,
      double tolerance) {
    int n = y.length;
    Work work = new Work(3, n);
    // The bootstrap's replicates, searched to LOCAL_TOLERANCE, take the cheaper amplitudes.
    boolean replicate = tolerance >= LOCAL_TOLERANCE;
    double loA = Math.max(MIN_EXPONENT, a0 - radius);
    double loB = Math.max(MIN_EXPONENT, b0 - radius);
    double hiA = Math.min(MAX_EXPONENT, a0 + radius);
    double hiB = Math.min(MAX_EXPONENT, b0 + radius);
    double stepA = (hiA - loA) / scan;
    double stepB = (hiB - loB) / scan;
    double bestA = loA;
    double bestB = loB;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= scan; i++) {
      // The last points are the bounds themselves (see minimise): the refinement's bounds must
      // hold the grid point it starts from.
      double u = i == scan ? hiA : loA + i * stepA;
      for (int j = 0; j <= scan; j++) {
        double v = j == scan ? hiB : loB + j * stepB;
        double loss = jointLoss(work, widths, samples, y, u, v, replicate);
        if (loss < bestLoss) {
          bestLoss = loss;
          bestA = u;
          bestB = v;
        }
      }
    }
    // Refine around the best grid point, within one grid step of it (the scan is the safeguard).
    double[] lower = {Math.max(MIN_EXPONENT, bestA - stepA), Math.max(MIN_EXPONENT, bestB - stepB)};
    double[] upper = {Math.min(MAX_EXPONENT, bestA + stepA), Math.min(MAX_EXPONENT, bestB + stepB)};
    double a = bestA;
    double b = bestB;
    if (replicate) {
      double[] refined =
          newton(
              (u, v) -> jointLoss(work, widths, samples, y, u, v, true),
              a,
              b,
              bestLoss,
              stepA / 2,
              stepB / 2,
              tolerance);
      a = refined[0];
      b = refined[1];
    } else {
      double trust = 0.25 * Math.min(upper[0] - lower[0], upper[1] - lower[1]);
      if (trust > tolerance) {
        try {
          PointValuePair refined =
              new BOBYQAOptimizer(5, trust, tolerance)
                  .optimize(
                      new MaxEval(2000),
                      new ObjectiveFunction(e -> jointLoss(work, widths, samples, y, e[0], e[1])),
                      GoalType.MINIMIZE,
                      new InitialGuess(new double[] {bestA, bestB}),
                      new SimpleBounds(lower, upper));
          if (refined.getValue() <= bestLoss) {
            a = refined.getPoint()[0];
            b = refined.getPoint()[1];
          }
        } catch (TooManyEvaluationsException e) {
          // keep the grid point: the loss is flat there to the scan's resolution
        }
      }
    }
    fillJointBasis(work.basis, widths, samples, a, b);
    Amplitudes fit = amplitudes(work, y, replicate);
    return new JointFit(fit.theta[0], fit.theta[1], a, fit.theta[2], b, fit.loss, n);
  }

  /** A loss of two exponents. */
  private interface Loss2 {
    double at(double a, double b);
  }

  /**
   * Newton's method on central differences of the loss over a stencil that shrinks with the steps,
   * from the scan's best point (a, b) with loss f: five evaluations for the gradient and Hessian
   * and one at the step, three or four steps to {@code tolerance}. For bootstrap replicates, which
   * need the exponents to about 1e-4: cheaper than an interpolation-model optimiser, which the JIT
   * also needs most of a second to compile. A step that does not lower the loss moves to the
   * stencil's best point instead; at an exponent's bound (a flat valley: an amplitude near 0) the
   * best point found stands.
   */
  private static double[] newton(
      Loss2 loss, double a, double b, double f, double ha, double hb, double tolerance) {
    double finest = 0.1 * tolerance;
    for (int iteration = 0; iteration < 24; iteration++) {
      if (a - ha < MIN_EXPONENT
          || b - hb < MIN_EXPONENT
          || a + ha > MAX_EXPONENT
          || b + hb > MAX_EXPONENT) {
        break;
      }
      double[][] stencil = {{a + ha, b}, {a - ha, b}, {a, b + hb}, {a, b - hb}, {a + ha, b + hb}};
      double[] values = new double[stencil.length];
      double[] next = null; // the best point better than the centre
      double nextValue = f;
      for (int k = 0; k < stencil.length; k++) {
        values[k] = loss.at(stencil[k][0], stencil[k][1]);
        if (values[k] < nextValue) {
          nextValue = values[k];
          next = stencil[k];
        }
      }
      boolean newtonStep = false;
      double ga = (values[0] - values[1]) / (2 * ha);
      double gb = (values[2] - values[3]) / (2 * hb);
      double haa = (values[0] - 2 * f + values[1]) / (ha * ha);
      double hbb = (values[2] - 2 * f + values[3]) / (hb * hb);
      double hab = (values[4] - values[0] - values[2] + f) / (ha * hb);
      double det = haa * hbb - hab * hab;
      if (haa > 0 && det > 0) {
        double da = Math.max(-2 * ha, Math.min(2 * ha, -(hbb * ga - hab * gb) / det));
        double db = Math.max(-2 * hb, Math.min(2 * hb, -(haa * gb - hab * ga) / det));
        double[] step = {
          Math.max(MIN_EXPONENT, Math.min(MAX_EXPONENT, a + da)),
          Math.max(MIN_EXPONENT, Math.min(MAX_EXPONENT, b + db))
        };
        double value = loss.at(step[0], step[1]);
        if (value < nextValue) {
          nextValue = value;
          next = step;
          newtonStep = true;
        }
      }
      if (next == null) {
        if (!(Math.max(ha, hb) > finest)) {
          break; // the centre is the best point at the finest stencil
        }
        ha /= 4;
        hb /= 4;
        continue;
      }
      double moved = Math.max(Math.abs(next[0] - a), Math.abs(next[1] - b));
      a = next[0];
      b = next[1];
      f = nextValue;
      if (newtonStep) {
        if (moved < finest) {
          break;
        }
        // The next stencil is about as wide as this step: central differences stay accurate
        // near the minimum without shrinking below what the answer needs.
        double shrink = Math.max(finest, Math.min(Math.max(ha, hb) / 2, moved)) / Math.max(ha, hb);
        ha *= shrink;
        hb *= shrink;
      }
    }
    return new double[] {a, b};
  }

  /** The offset law's robust loss at exponent a, amplitudes eliminated (for tests). */
  static double offsetLoss(double[] x, double[] y, double a) {
    Work work = new Work(2, x.length);
    fillBasis(work.basis, x, a);
    return amplitudes(work, y).loss;
  }

  /** The joint law's robust loss at exponents (a, b), amplitudes eliminated (for tests). */
  static double jointLoss(double[] widths, double[] samples, double[] y, double a, double b) {
    return jointLoss(new Work(3, y.length), widths, samples, y, a, b);
  }

  private static double jointLoss(
      Work work, double[] widths, double[] samples, double[] y, double a, double b) {
    return jointLoss(work, widths, samples, y, a, b, false);
  }

  /**
   * @param unconstrainedFirst take the unconstrained amplitudes when all are non-negative (see
   *     {@link #nonNegativeLeastSquares})
   */
  private static double jointLoss(
      Work work,
      double[] widths,
      double[] samples,
      double[] y,
      double a,
      double b,
      boolean unconstrainedFirst) {
    fillJointBasis(work.basis, widths, samples, a, b);
    return amplitudes(work, y, unconstrainedFirst).loss;
  }

  private static void fillBasis(double[][] basis, double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      basis[0][i] = 1;
      basis[1][i] = Math.pow(x[i], -a);
    }
  }

  private static void fillJointBasis(
      double[][] basis, double[] widths, double[] samples, double a, double b) {
    for (int i = 0; i < widths.length; i++) {
      basis[0][i] = 1;
      basis[1][i] = Double.isInfinite(widths[i]) ? 0 : Math.pow(widths[i], -a);
      basis[2][i] = Math.pow(samples[i], -b);
    }
  }

  private record Amplitudes(double[] theta, double loss) {}

  /**
   * A fit's basis functions and the scratch arrays of its amplitudes, reused by every evaluation of
   * its loss. A small command runs with C1 alone, which allocates every array it is asked for (no
   * escape analysis): the 3 x 3 sums and the normal equations of each of 7 subsets, per reweighting
   * of each of thousands of evaluations, were a third of the exponents' CPU in a `report`.
   */
  private static final class Work {
    final double[][] basis;
    final double[] weights;
    final double[][] products;
    final double[] moments;

    /** The augmented normal equations of an active set, by its size (index 0 unused). */
    final double[][][] normals;

    final double[] solution;
    final double[] candidate;
    final double[] best;

    Work(int p, int n) {
      basis = new double[p][n];
      weights = new double[n];
      products = new double[p][p];
      moments = new double[p];
      normals = new double[p + 1][][];
      for (int q = 1; q <= p; q++) {
        normals[q] = new double[q][q + 1];
      }
      solution = new double[p];
      candidate = new double[p];
      best = new double[p];
    }
  }

  /**
   * Non-negative amplitudes minimising the robust log loss for a fixed basis: reweighted least
   * squares on relative residuals (y - f)/y, which equal the log residuals to first order, over
   * every subset of active amplitudes (at most 3, so 7 subsets).
   */
  private static Amplitudes amplitudes(Work work, double[] y) {
    return amplitudes(work, y, false);
  }

  private static Amplitudes amplitudes(Work work, double[] y, boolean unconstrainedFirst) {
    double[][] basis = work.basis;
    int p = basis.length;
    int n = y.length;
    double[] w = work.weights;
    Arrays.fill(w, 1.0);
    double[] theta = work.best; // what nonNegativeLeastSquares fills and returns
    for (int iteration = 0; iteration < REWEIGHTINGS; iteration++) {
      theta = nonNegativeLeastSquares(work, y, w, unconstrainedFirst);
      boolean same = true;
      for (int i = 0; i < n; i++) {
        double next = huberWeight(logResidual(basis, theta, y, i));
        same &= next == w[i];
        w[i] = next;
      }
      if (same) {
        break; // the same weights give the same amplitudes: further passes change nothing
      }
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      loss += huber(logResidual(basis, theta, y, i));
    }
    return new Amplitudes(theta.clone(), loss);
  }

  private static double logResidual(double[][] basis, double[] theta, double[] y, int i) {
    double f = 0;
    for (int j = 0; j < theta.length; j++) {
      f += theta[j] * basis[j][i];
    }
    return f > 0 ? Math.log(y[i] / f) : 1e3;
  }

  /** The indices in each subset of at most three amplitudes, by bit mask. */
  private static final int[][] ACTIVE =
      IntStream.range(0, 8)
          .mapToObj(mask -> IntStream.range(0, 3).filter(j -> (mask & (1 << j)) != 0).toArray())
          .toArray(int[][]::new);

  /**
   * min sum_i w_i ((y_i - sum_j theta_j basis_j,i) / y_i)^2 over theta >= 0, by enumerating active
   * sets.
   *
   * @param unconstrainedFirst return the unconstrained minimum at once when it is feasible (it is
   *     then the constrained one too), skipping the other subsets and the error pass over the data
   *     each needs: 4-8 times less work per call. The enumeration keeps, of two subsets with equal
   *     computed errors, the first, so the two can differ where a subset ties with the full set to
   *     the last bit; used where that cannot matter, by the bootstrap's replicates, whose exponents
   *     are searched to 1e-4 only.
   */
  private static double[] nonNegativeLeastSquares(
      Work work, double[] y, double[] w, boolean unconstrainedFirst) {
    double[][] basis = work.basis;
    int p = basis.length;
    // The weighted sums of every pair of basis functions and of each with y, in one pass: every
    // subset's normal equations are made of them (the same sums, in the same order, as summing per
    // subset).
    double[][] products = work.products;
    double[] moments = work.moments;
    for (int r = 0; r < p; r++) {
      Arrays.fill(products[r], 0.0);
    }
    Arrays.fill(moments, 0.0);
    for (int i = 0; i < y.length; i++) {
      double weight = w[i] / (y[i] * y[i]);
      for (int r = 0; r < p; r++) {
        double wb = weight * basis[r][i];
        for (int c = 0; c < p; c++) {
          products[r][c] += wb * basis[c][i];
        }
        moments[r] += wb * y[i];
      }
    }
    double[] best = work.best;
    if (unconstrainedFirst && feasibleSolution(work, ACTIVE[(1 << p) - 1], best)) {
      return best;
    }
    Arrays.fill(best, 0.0);
    double[] theta = work.candidate;
    double bestError = Double.POSITIVE_INFINITY;
    for (int subset = 1; subset < (1 << p); subset++) {
      if (!feasibleSolution(work, ACTIVE[subset], theta)) {
        continue;
      }
      double error = 0;
      for (int i = 0; i < y.length; i++) {
        double f = 0;
        for (int j = 0; j < p; j++) {
          f += theta[j] * basis[j][i];
        }
        double relative = (y[i] - f) / y[i];
        error += w[i] * relative * relative;
      }
      if (error < bestError) {
        bestError = error;
        System.arraycopy(theta, 0, best, 0, p);
      }
    }
    return best;
  }

  /**
   * The least-squares amplitudes on the {@code active} basis functions (the others 0), from the
   * normal equations' sums in {@code work}, into {@code theta}; false (theta untouched) if singular
   * or any is negative.
   */
  private static boolean feasibleSolution(Work work, int[] active, double[] theta) {
    int q = active.length;
    double[][] normal = work.normals[q];
    for (int r = 0; r < q; r++) {
      for (int c = 0; c < q; c++) {
        normal[r][c] = work.products[active[r]][active[c]];
      }
      normal[r][q] = work.moments[active[r]];
    }
    double[] solution = work.solution;
    if (!solve(normal, solution)) {
      return false;
    }
    for (int r = 0; r < q; r++) {
      if (!(solution[r] >= 0)) {
        return false;
      }
    }
    Arrays.fill(theta, 0.0);
    for (int r = 0; r < q; r++) {
      theta[active[r]] = solution[r];
    }
    return true;
  }

  /**
   * Gaussian elimination with partial pivoting on an augmented q x (q+1) system (its rows are
   * reordered), the solution into the first q entries of x; false if singular.
   */
  private static boolean solve(double[][] m, double[] x) {
    int q = m.length;
    for (int col = 0; col < q; col++) {
      int pivot = col;
      for (int r = col + 1; r < q; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      if (Math.abs(m[col][col]) < 1e-300) {
        return false;
      }
      for (int r = 0; r < q; r++) {
        if (r != col) {
          double factor = m[r][col] / m[col][col];
          for (int c = col; c <= q; c++) {
            m[r][c] -= factor * m[col][c];
          }
        }
      }
    }
    for (int r = 0; r < q; r++) {
      x[r] = m[r][q] / m[r][r];
    }
    return true;
  }

  private static double minimise(DoubleUnaryOperator f, double lo, double hi, int points) {
    double step = (hi - lo) / points;
    double best = lo;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= points; i++) {
      // The last point is hi itself: lo + points * step can round past it, and Brent's search
      // interval below refuses a start outside [from, to] (a fit whose best exponent was the
      // scan's last point failed the whole aggregation).
      double point = i == points ? hi : lo + i * step;
      double value = f.applyAsDouble(point);
      if (value < bestValue) {
        bestValue = value;
        best = point;
      }
    }
    double from = Math.max(lo, best - step);
    double to = Math.min(hi, best + step);
    if (!(to > from)) {
      return best;
    }
    UnivariatePointValuePair refined =
        new BrentOptimizer(1e-10, 1e-8)
            .optimize(
                new MaxEval(500),
                new UnivariateObjectiveFunction(f::applyAsDouble),
                GoalType.MINIMIZE,
                new SearchInterval(from, to, best));
    return refined.getValue() <= bestValue ? refined.getPoint() : best;
  }

  static double huber(double r) {
    double a = Math.abs(r);
    return a <= HUBER ? 0.5 * r * r : HUBER * (a - 0.5 * HUBER);
  }

  private static double huberWeight(double r) {
    double a = Math.abs(r);
    return a <= HUBER ? 1.0 : HUBER / a;
  }
}
