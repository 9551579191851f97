package org.rfsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.rfsweep.run.RunContext;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;

/**
 * The eigenframework evaluated densely along a sweep (many points, not only the measured cells),
 * for the figures' theory lines: at a ridge, and at the theory-optimal ridge.
 */
final class TheoryCurves {
  /** Points of a ridge path. */
  static final int POINTS = 200;

  private final Spectrum spectrum;
  private final double noise;

  private TheoryCurves(Spectrum spectrum, double noise) {
    this.spectrum = spectrum;
    this.noise = noise;
  }

  /**
   * Largest spread, in ln(lambda), of the modes grouped into one for the figures' lines ({@link
   * Spectrum#coarsened}): risks within about 1e-5 of the full spectrum's where a pixel is 1.5e-2.
   */
  static final double FIGURE_LOG_SPREAD = 0.01;

  /**
   * The curves of a task point whose spectrum is known, on its {@link #FIGURE_LOG_SPREAD} groups.
   */
  static Optional<TheoryCurves> of(RunContext context) {
    return context
        .theorySpectrum()
        .map(s -> new TheoryCurves(s.coarsened(FIGURE_LOG_SPREAD), context.theoryNoise()));
  }

  /** {@link #POINTS} values from lo to hi, equally spaced in log. */
  static double[] logGrid(double lo, double hi) {
    return logGrid(lo, hi, POINTS);
  }

  private static double[] logGrid(double lo, double hi, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = count == 1 ? lo : lo * Math.pow(hi / lo, i / (count - 1.0));
    }
    return out;
  }

  /**
   * A theory line of a risk figure: test risk at each ridge and at the theory-optimal ridge, at
   * points from {@code lo} to {@code hi} along {@code axis} placed where the lines bend.
   *
   * @param xs the points, ascending
   * @param risks risks[ridge][point]; infinite where the theory is (the ridgeless peak)
   * @param optimal the risk at the theory-optimal ridge at each point
   */
  record Line(double[] xs, double[][] risks, double[] optimal) {}

  /**
   * The line along {@code axis} ({@code width} or {@code samples}) at the other axis's {@code
   * fixed} value, for {@code ridges} (ascending). {@link #COARSE_POINTS} log-spaced points first;
   * then, pass after pass, the log-midpoint of every interval where some line (any ridge's, or the
   * optimal one) bends: where its log risk at the midpoint is more than {@link #BEND} from the
   * chord's, or where it crosses {@code ceiling} (above it nothing is drawn) or infinity. A
   * straight stretch of a power law costs one midpoint, the ridgeless peak at N = n is drawn close
   * to its asymptote; evenly spaced points needed several times the solves for the same picture.
   * Each point's solves start from its left neighbour's effective ridges.
   */
  Line line(String axis, double fixed, double lo, double hi, double[] ridges, double ceiling) {
    Eigenframework theory = new Eigenframework(spectrum, noise);
    boolean alongWidth = axis.equals("width");
    TreeMap<Double, Point> points = new TreeMap<>();
    Point before = null;
    for (double x : logGrid(lo, hi, hi > lo ? COARSE_POINTS : 1)) {
      before = evaluate(theory, alongWidth, fixed, x, ridges, before);
      points.put(x, before);
    }
    List<Point> bending = new ArrayList<>(points.values());
    bending.remove(bending.size() - 1); // each entry: the left end of an interval to look at
    while (!bending.isEmpty() && points.size() < MAX_POINTS) {
      List<Point> next = new ArrayList<>();
      for (Point left : bending) {
        Point right = points.higherEntry(left.x()).getValue();
        if (right.x() / left.x() < MIN_RATIO || points.size() >= MAX_POINTS) {
          continue;
        }
        Point middle =
            evaluate(theory, alongWidth, fixed, Math.sqrt(left.x() * right.x()), ridges, left);
        points.put(middle.x(), middle);
        if (bends(left, middle, right, ceiling)) {
          next.add(left);
          next.add(middle);
        }
      }
      bending = next;
    }
    return lineOf(points.values(), ridges.length);
  }

  /** The points, in order, as a line. */
  private static Line lineOf(java.util.Collection<Point> points, int ridges) {
    double[] xs = new double[points.size()];
    double[][] risks = new double[ridges][points.size()];
    double[] optimal = new double[points.size()];
    int i = 0;
    for (Point p : points) {
      xs[i] = p.x();
      for (int r = 0; r < ridges; r++) {
        risks[r][i] = p.estimates()[r].testMse();
      }
      optimal[i] = p.optimal();
      i++;
    }
    return new Line(xs, risks, optimal);
  }

  /** Log-spaced points of a line before any is added where it bends. */
  static final int COARSE_POINTS = 17;

  /**
   * Largest distance, in log risk, of a midpoint from its chord that counts as straight: 1%, where
   * a pixel of a figure is about 1.5% (a few decades over 400 pixels). With the midpoint kept, the
   * drawn chords are within about a quarter of that (TheoryCurvesTest holds them to 0.4%).
   */
  static final double BEND = 0.01;

  /** Intervals narrower than this factor are not split further (the ridgeless peak's flanks). */
  static final double MIN_RATIO = 1.001;

  /** At most this many points a line, whatever it does. */
  static final int MAX_POINTS = 400;

  /** The theory at one point of a line: every ridge's estimate and the optimal risk. */
  private record Point(double x, RiskEstimate[] estimates, double optimal) {}

  private static Point evaluate(
      Eigenframework theory,
      boolean alongWidth,
      double fixed,
      double x,
      double[] ridges,
      Point near) {
    double width = alongWidth ? x : fixed;
    double samples = alongWidth ? fixed : x;
    RiskEstimate[] estimates =
        near == null
            ? theory.estimateAscending(width, samples, ridges)
            : theory.estimateNear(width, samples, ridges, near.estimates());
    // A line's ridge 0 sits at gamma_min, which the optimum's search starts from.
    double gammaMin = ridges.length > 0 && ridges[0] == 0 ? estimates[0].gamma() : Double.NaN;
    double optimal = OptimalRidge.findForCurve(theory, width, samples, gammaMin).testMse();
    return new Point(x, estimates, optimal);
  }

  /** Whether some line bends between left and right (see {@link #line}). */
  private static boolean bends(Point left, Point middle, Point right, double ceiling) {
    for (int r = 0; r <= left.estimates().length; r++) {
      double a = value(left, r);
      double m = value(middle, r);
      double b = value(right, r);
      boolean drawnA = drawn(a, ceiling);
      boolean drawnM = drawn(m, ceiling);
      boolean drawnB = drawn(b, ceiling);
      if (drawnA != drawnM || drawnM != drawnB) {
        return true;
      }
      if (drawnM && Math.abs(Math.log(m) - 0.5 * (Math.log(a) + Math.log(b))) > BEND) {
        return true;
      }
    }
    return false;
  }

  /** Series r of a point: ridge r's risk, or the optimal risk after the last ridge. */
  private static double value(Point p, int r) {
    return r < p.estimates().length ? p.estimates()[r].testMse() : p.optimal();
  }

  /** Whether a figure draws a theory risk: positive, finite and at most {@code ceiling}. */
  static boolean drawn(double risk, double ceiling) {
    return risk > 0 && Double.isFinite(risk) && risk <= ceiling;
  }

  /**
   * The theory at the single point {@code x} of {@code axis} (width inf: the kernel limit drawn
   * beside a line), as a line of one point.
   */
  Line at(String axis, double fixed, double x, double[] ridges) {
    Point point =
        evaluate(new Eigenframework(spectrum, noise), axis.equals("width"), fixed, x, ridges, null);
    return lineOf(List.of(point), ridges.length);
  }

  /**
   * The ridge path of one cell: test risk and fitting ratio R = train / test at {@link #POINTS}
   * ridges log-spaced from lo to hi, and at ridge 0 first.
   *
   * @return {test risks, fitting ratios}
   */
  double[][] ridgePath(double width, int samples, double lo, double hi) {
    double[] ridges = new double[POINTS + 1];
    double[] grid = logGrid(lo, hi);
    System.arraycopy(grid, 0, ridges, 1, POINTS);
    RiskEstimate[][] estimates =
        TheorySweep.estimatesAscending(
            spectrum, noise, new double[] {width}, new double[] {samples}, ridges);
    double[][] out = new double[2][ridges.length];
    for (int r = 0; r < ridges.length; r++) {
      RiskEstimate e = estimates[0][r];
      out[0][r] = e.testMse();
      out[1][r] = e.trainMse() / e.testMse();
    }
    return out;
  }
}
