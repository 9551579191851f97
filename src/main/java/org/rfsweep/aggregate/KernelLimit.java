package org.rfsweep.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The paper's real-data question at width inf (kernel ridge regression): at the ridge with the
 * lowest test risk, is the fitting ratio R = train/test below 1 at every n, and how far is it from
 * the eigenframework's R* and the closed form's?
 */
public final class KernelLimit {
  /** Half-width of R's interval in standard errors. */
  static final double INTERVAL_STANDARD_ERRORS = 2;

  private KernelLimit() {}

  /**
   * One n at width inf.
   *
   * @param testMean the empirical optimum's mean test risk
   * @param ratio the empirical optimum's R = mean train / mean test risk over seeds
   * @param ratioLow R minus two standard errors, from the means' standard errors by the delta
   *     method (train and test treated as independent, which widens the interval: they are
   *     positively correlated across seeds); ratioHigh likewise
   * @param theoryRStar the eigenframework's R* at its own optimal ridge (NaN without theory)
   * @param closedFormRStar the power-law closed form's R* at this n (NaN where it does not apply)
   */
  public record Row(
      int samples,
      double bestRidge,
      double testMean,
      double ratio,
      double ratioLow,
      double ratioHigh,
      double theoryRStar,
      double closedFormRStar) {}

  /** The rows of the kernel cells, by n; empty without width inf. */
  public static List<Row> rows(
      List<OptimalPoint> optimal, List<CurvePoint> curves, IntToDoubleFunction closedFormRStar) {
    List<Row> rows = new ArrayList<>();
    optimal.stream()
        .filter(p -> Double.isInfinite(p.width()) && Double.isFinite(p.fittingRatio()))
        .sorted(Comparator.comparingInt(OptimalPoint::samples))
        .forEach(
            p -> {
              CurvePoint best =
                  curves.stream()
                      .filter(
                          c ->
                              Double.isInfinite(c.width())
                                  && c.samples() == p.samples()
                                  && c.ridge() == p.bestRidge())
                      .findFirst()
                      .orElseThrow();
              double relative =
                  Math.hypot(best.trainSe() / best.trainMean(), best.testSe() / best.testMean());
              double half =
                  Double.isFinite(relative)
                      ? INTERVAL_STANDARD_ERRORS * relative * p.fittingRatio()
                      : Double.NaN;
              rows.add(
                  new Row(
                      p.samples(),
                      p.bestRidge(),
                      p.testMean(),
                      p.fittingRatio(),
                      p.fittingRatio() - half,
                      p.fittingRatio() + half,
                      p.theoryFittingRatio(),
                      closedFormRStar.applyAsDouble(p.samples())));
            });
    return rows;
  }

  /** The claim {@code kernel_optimum_overfits}, or null without width inf. */
  static Claim claim(List<Row> rows, String closedFormSource) {
    if (rows.isEmpty()) {
      return null;
    }
    long above = rows.stream().filter(r -> r.ratio() >= 1).count();
    double worstTheory =
        rows.stream()
            .filter(r -> Double.isFinite(r.theoryRStar()))
            .mapToDouble(r -> Math.abs(r.ratio() - r.theoryRStar()))
            .max()
            .orElse(Double.NaN);
    double worstClosed =
        rows.stream()
            .filter(r -> Double.isFinite(r.closedFormRStar()))
            .mapToDouble(r -> Math.abs(r.ratio() - r.closedFormRStar()))
            .max()
            .orElse(Double.NaN);
    boolean hasTheory = rows.stream().anyMatch(r -> Double.isFinite(r.theoryRStar()));
    String theoryVerdict =
        !hasTheory
            ? Claim.NO_THEORY
            : rows.stream().allMatch(r -> r.theoryRStar() < 1) ? Claim.HOLDS : Claim.FAILS;
    StringBuilder perN = new StringBuilder();
    for (Row r : rows) {
      perN.append(
          String.format(
              Locale.ROOT,
              "%sn=%d: R %.3f [%.3f, %.3f], R* %s, closed form %s",
              perN.length() == 0 ? "" : "; ",
              r.samples(),
              r.ratio(),
              r.ratioLow(),
              r.ratioHigh(),
              format(r.theoryRStar()),
              format(r.closedFormRStar())));
    }
    String evidence =
        String.format(
            Locale.ROOT,
            "%d of %d sample counts with R >= 1; largest |R - R*| %s, largest |R - closed-form R*|"
                + " %s%s. %s",
            above,
            rows.size(),
            format(worstTheory),
            format(worstClosed),
            closedFormSource.isEmpty() ? "" : " (closed form " + closedFormSource + ")",
            perN);
    return new Claim(
        "kernel_optimum_overfits",
        "width inf (kernel ridge regression): the fitting ratio R = train/test at the grid ridge with"
            + " the lowest mean test risk is below 1 at every sample count (intervals: "
            + (int) INTERVAL_STANDARD_ERRORS
            + " standard errors over seeds)",
        above == 0 ? Claim.HOLDS : Claim.FAILS,
        theoryVerdict,
        evidence,
        rows.size(),
        above,
        worstTheory);
  }

  private static String format(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }
}
