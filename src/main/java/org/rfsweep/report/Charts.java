package org.rfsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.rfsweep.aggregate.CurvePoint;
import org.rfsweep.aggregate.OptimalPoint;
import org.rfsweep.grid.Cell;
import org.rfsweep.spec.Sweep;

/** The report's figures, built with JFreeChart from the aggregated tables. */
final class Charts {
  /** Ridge 0 (the minimum-norm fit) has a colour of its own, outside the ridges' scale. */
  static final Color RIDGE_ZERO = new Color(0xd62728);

  /**
   * A measured mean this many times the slice's 80th percentile is drawn as a clipped marker at the
   * top edge instead of stretching the axis (the ridgeless peak at N = n).
   */
  static final double CLIP_FACTOR = 20;

  /** Width inf is drawn this factor beyond the widest finite width. */
  static final double LIMIT_GAP = 3;

  private static final double INFINITE = Double.POSITIVE_INFINITY;

  /** A theory line is drawn up to this factor above the axis's top (the frame clips it). */
  static final double DRAWN_ABOVE_TOP = 1.5;

  private Charts() {}

  /**
   * Test risk against {@code axis} ("width" or "samples") at one fixed value of the other: every
   * ridge of the grid as dots with standard-error bars, coloured on a scale of log ridge (ridge 0
   * apart), the eigenframework as dense lines of the same colours with gaps where it is infinite,
   * the theory-optimal risk as a black line and the grid's optimal ridge dashed; points far above
   * the rest are drawn as markers at the top edge.
   *
   * @param theory the dense theory of this task point, or null when its spectrum is unknown
   */
  static JFreeChart riskCurves(
      List<CurvePoint> curves,
      List<OptimalPoint> optimal,
      String axis,
      int fixed,
      TheoryCurves theory) {
    boolean alongWidth = axis.equals("width");
    double fixedValue = alongWidth ? fixed : Cell.widthValue(fixed);
    List<CurvePoint> slice =
        curves.stream().filter(c -> (alongWidth ? c.samples() : c.width()) == fixedValue).toList();
    // Width inf (the kernel limit) is drawn at the right edge, a gap beyond the widest finite
    // width, and labelled: a log axis has no place for it.
    double widestFinite =
        slice.stream()
            .mapToDouble(alongWidth ? CurvePoint::width : CurvePoint::samples)
            .filter(Double::isFinite)
            .max()
            .orElse(2);
    double limitX = widestFinite * LIMIT_GAP;
    boolean hasLimit = alongWidth && slice.stream().anyMatch(c -> Double.isInfinite(c.width()));
    ToDoubleFunction<CurvePoint> x =
        alongWidth
            ? c -> Double.isInfinite(c.width()) ? limitX : c.width()
            : c -> (double) c.samples();
    List<Double> ridges = slice.stream().map(CurvePoint::ridge).distinct().sorted().toList();
    double[] measuredMeans =
        slice.stream()
            .mapToDouble(CurvePoint::testMean)
            .filter(v -> v > 0 && Double.isFinite(v))
            .toArray();
    // The theory is drawn from the first cell to the widest finite one (integers: widths and
    // samples).
    double lineFrom = (int) slice.stream().mapToDouble(x).min().orElse(1);
    double lineTo = (int) Math.round(widestFinite);
    double[] range = yRange(measuredMeans);
    double[] ridgeValues = ridges.stream().mapToDouble(Double::doubleValue).toArray();
    TheoryCurves.Line dense =
        theory == null
            ? null
            : theory.line(
                axis, fixedValue, lineFrom, lineTo, ridgeValues, range[1] * DRAWN_ABOVE_TOP);
    // The theory's optimal risk is the lowest line drawn: the axis reaches down to it.
    for (double v : dense == null ? new double[0] : dense.optimal()) {
      if (v > 0 && Double.isFinite(v)) {
        range[0] = Math.min(range[0], v / 1.3);
      }
    }
    YIntervalSeriesCollection dots = new YIntervalSeriesCollection();
    XYSeriesCollection clipped = new XYSeriesCollection(new XYSeries("above the axis (see table)"));
    for (double ridge : ridges) {
      YIntervalSeries measured = new YIntervalSeries("ridge " + format(ridge));
      slice.stream()
          .filter(c -> c.ridge() == ridge)
          .sorted(Comparator.comparingDouble(x))
          .forEach(
              c -> {
                if (!(c.testMean() > 0 && Double.isFinite(c.testMean()))) {
                  return;
                }
                if (c.testMean() > range[1]) {
                  clipped.getSeries(0).add(x.applyAsDouble(c), range[1] / 1.15);
                  return;
                }
                double se = Double.isFinite(c.testSe()) ? c.testSe() : 0;
                measured.add(
                    x.applyAsDouble(c),
                    c.testMean(),
                    Math.max(c.testMean() - se, c.testMean() * 0.5),
                    c.testMean() + se);
              });
      dots.addSeries(measured);
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    if (dense != null) {
      TheoryCurves.Line limit =
          hasLimit ? theory.at(axis, fixedValue, INFINITE, ridgeValues) : null;
      for (int r = 0; r < ridgeValues.length; r++) {
        XYSeries series =
            line("theory, ridge " + format(ridgeValues[r]), dense.xs(), dense.risks()[r], range);
        if (hasLimit) {
          addLimit(series, limitX, limit.risks()[r][0], range);
        }
        lines.addSeries(series);
      }
      XYSeries optimalLine =
          line("theory at its optimal ridge", dense.xs(), dense.optimal(), range);
      if (hasLimit) {
        addLimit(optimalLine, limitX, limit.optimal()[0], range);
      }
      lines.addSeries(optimalLine);
    }
    XYSeriesCollection best = new XYSeriesCollection();
    XYSeries bestSeries = new XYSeries("optimal ridge of the grid");
    optimal.stream()
        .filter(p -> (alongWidth ? p.samples() : p.width()) == fixedValue)
        .sorted(Comparator.comparingDouble(p -> alongWidth ? p.width() : p.samples()))
        .forEach(
            p ->
                bestSeries.add(
                    alongWidth ? (Double.isInfinite(p.width()) ? limitX : p.width()) : p.samples(),
                    p.testMean()));
    best.addSeries(bestSeries);

    XYPlot plot = new XYPlot();
    DecadeAxis xAxis = new DecadeAxis(alongWidth ? "width N" : "samples n");
    xAxis.setRange(lineFrom / 1.15, (hasLimit ? limitX : lineTo) * 1.15);
    if (hasLimit) {
      xAxis.setLastTick(widestFinite * 1.05);
    }
    DecadeAxis yAxis = new DecadeAxis("test risk");
    yAxis.setRange(range[0], range[1]);
    plot.setDomainAxis(xAxis);
    plot.setRangeAxis(yAxis);
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDefaultLinesVisible(false);
    // Hovering a dot in the report shows its numbers (an HTML image map over the PNG).
    java.util.Map<String, CurvePoint> byPoint = new java.util.HashMap<>();
    slice.forEach(c -> byPoint.put(x.applyAsDouble(c) + "|" + c.ridge(), c));
    errors.setDefaultToolTipGenerator(
        (dataset, series, item) -> {
          CurvePoint c = byPoint.get(dataset.getXValue(series, item) + "|" + ridges.get(series));
          return c == null ? null : describe(c);
        });
    XYLineAndShapeRenderer theoryRenderer = lines();
    double[] positive =
        ridges.stream().mapToDouble(Double::doubleValue).filter(r -> r > 0).toArray();
    for (int i = 0; i < ridges.size(); i++) {
      Paint colour = ridgeColour(ridges.get(i), positive);
      errors.setSeriesPaint(i, colour);
      errors.setSeriesVisibleInLegend(i, ridges.get(i) == 0);
      if (theory != null) {
        theoryRenderer.setSeriesPaint(i, colour);
        theoryRenderer.setSeriesVisibleInLegend(i, false);
      }
    }
    if (theory != null) {
      theoryRenderer.setSeriesPaint(ridges.size(), Color.BLACK);
      theoryRenderer.setSeriesStroke(ridges.size(), new BasicStroke(2f));
    }
    XYLineAndShapeRenderer bestRenderer = lines();
    bestRenderer.setSeriesPaint(0, Color.BLACK);
    bestRenderer.setSeriesStroke(
        0,
        new BasicStroke(
            2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f));
    XYLineAndShapeRenderer clipRenderer = new XYLineAndShapeRenderer(false, true);
    clipRenderer.setSeriesPaint(0, RIDGE_ZERO);
    clipRenderer.setSeriesShape(0, org.jfree.chart.util.ShapeUtils.createUpTriangle(6f));
    clipRenderer.setSeriesVisibleInLegend(0, clipped.getSeries(0).getItemCount() > 0);
    plot.setDataset(0, best);
    plot.setRenderer(0, bestRenderer);
    plot.setDataset(1, dots);
    plot.setRenderer(1, errors);
    plot.setDataset(2, lines);
    plot.setRenderer(2, theoryRenderer);
    plot.setDataset(3, clipped);
    plot.setRenderer(3, clipRenderer);
    if (hasLimit) {
      // A dotted divide between the finite widths and the limit, and the limit's label.
      org.jfree.chart.plot.ValueMarker divide =
          new org.jfree.chart.plot.ValueMarker(Math.sqrt(widestFinite * limitX));
      divide.setPaint(Color.GRAY);
      divide.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
      plot.addDomainMarker(divide);
      org.jfree.chart.annotations.XYTextAnnotation label =
          new org.jfree.chart.annotations.XYTextAnnotation(
              "N = \u221e", limitX, Math.pow(range[1], 0.93) * Math.pow(range[0], 0.07));
      label.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
      plot.addAnnotation(label);
    }
    String title =
        "Test risk against "
            + (alongWidth ? "width at n = " : "samples at N = ")
            + (alongWidth ? String.valueOf(fixed) : Sweep.widthText(fixedValue))
            + (theory != null
                ? " (dots: experiment +- SE; lines: eigenframework)"
                : " (dots: experiment +- SE; no theory for these features)");
    JFreeChart chart = chart(title, plot);
    if (positive.length > 0) {
      chart.addSubtitle(ridgeScale(positive));
    }
    return chart;
  }

  /**
   * A renderer of lines only, each series drawn as one path: JFreeChart's default draws every
   * segment as a shape of its own, which made each risk figure's SVG about 1 MB of 3,000 {@code
   * <line>} elements, each with its style repeated, and its PNG slower to draw.
   */
  static XYLineAndShapeRenderer lines() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    return renderer;
  }

  /**
   * An axis over log10 values labelled with the values themselves ({@code 100}, {@code 1000}),
   * ticks at whole decades (a tick between decades would be an unreadable {@code 15.8489}).
   */
  static NumberAxis powersOfTen(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
    java.text.NumberFormat values =
        new java.text.NumberFormat() {
          @Override
          public StringBuffer format(double v, StringBuffer out, java.text.FieldPosition p) {
            return out.append(DecadeAxis.label(Math.pow(10, v)));
          }

          @Override
          public StringBuffer format(long v, StringBuffer out, java.text.FieldPosition p) {
            return format((double) v, out, p);
          }

          @Override
          public Number parse(String source, java.text.ParsePosition position) {
            return null;
          }
        };
    for (double unit : new double[] {1, 2, 5}) {
      units.add(new org.jfree.chart.axis.NumberTickUnit(unit, values));
    }
    axis.setStandardTickUnits(units);
    return axis;
  }

  /** A measured point in words, for its tooltip. */
  static String describe(CurvePoint c) {
    String text =
        String.format(
            Locale.ROOT,
            "width N = %s, samples n = %d, ridge %s: test risk %.4g +- %.2g (mean and standard error"
                + " over %d seeds)",
            Sweep.widthText(c.width()),
            c.samples(),
            format(c.ridge()),
            c.testMean(),
            c.testSe(),
            c.seeds());
    if (Double.isFinite(c.theoryTest())) {
      text += String.format(Locale.ROOT, "; theory %.4g", c.theoryTest());
    }
    return text;
  }

  /**
   * The y range of a risk figure: from the smallest value to the largest, unless the largest lies
   * beyond {@link #CLIP_FACTOR} times the 80th percentile; then to 3 times that percentile (the
   * points above are clipped markers). A margin of 30% on either side.
   */
  static double[] yRange(double[] values) {
    double[] sorted =
        java.util.Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
    if (sorted.length == 0) {
      return new double[] {0.1, 10};
    }
    double lo = sorted[0];
    double hi = sorted[sorted.length - 1];
    double q80 = sorted[(int) Math.floor(0.8 * (sorted.length - 1))];
    if (hi > CLIP_FACTOR * q80) {
      hi = 3 * q80;
    }
    if (!(hi > lo)) {
      hi = lo * 10;
      lo = lo / 10;
    }
    return new double[] {lo / 1.3, hi * 1.3};
  }

  /** A dense theory line, NaN (a gap) where the theory is infinite or off the axis. */
  /** Ends a theory line at the kernel limit, drawn at {@code limitX}. */
  private static void addLimit(XYSeries series, double limitX, double y, double[] range) {
    series.add(limitX, TheoryCurves.drawn(y, range[1] * DRAWN_ABOVE_TOP) ? y : Double.NaN);
  }

  private static XYSeries line(String name, double[] xs, double[] ys, double[] range) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < xs.length; i++) {
      series.add(xs[i], TheoryCurves.drawn(ys[i], range[1] * DRAWN_ABOVE_TOP) ? ys[i] : Double.NaN);
    }
    return series;
  }

  /** Ridge 0 apart; a positive ridge by its log's place among the grid's positive ridges. */
  static Paint ridgeColour(double ridge, double[] positive) {
    if (ridge == 0 || positive.length == 0) {
      return RIDGE_ZERO;
    }
    double lo = Math.log10(positive[0]);
    double hi = Math.log10(positive[positive.length - 1]);
    return viridis(hi > lo ? (Math.log10(ridge) - lo) / (hi - lo) * 0.95 : 0);
  }

  /** The colour bar of the positive ridges (log10). */
  private static PaintScaleLegend ridgeScale(double[] positive) {
    double lo = Math.log10(positive[0]);
    double hi = Math.log10(positive[positive.length - 1]);
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.GRAY);
    for (int i = 0; i < 64; i++) {
      scale.add(lo + i * (hi - lo) / 64, viridis(i / 63.0 * 0.95));
    }
    NumberAxis axis = new NumberAxis("log10 ridge");
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    return legend;
  }

  /**
   * The optimal test risk over (width, samples) as coloured blocks on log-log axes; finite widths
   * only (the kernel limit has its own figures and rows).
   */
  static JFreeChart heatMap(List<OptimalPoint> optimal) {
    List<OptimalPoint> cells =
        optimal.stream().filter(p -> p.testMean() > 0 && Double.isFinite(p.width())).toList();
    double[][] data = new double[3][cells.size()];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cells.size(); i++) {
      data[0][i] = Math.log10(cells.get(i).width());
      data[1][i] = Math.log10(cells.get(i).samples());
      data[2][i] = Math.log10(cells.get(i).testMean());
      lo = Math.min(lo, data[2][i]);
      hi = Math.max(hi, data[2][i]);
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries("optimal test risk", data);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setBlockWidth(cellSize(data[0], 0.1));
    renderer.setBlockHeight(cellSize(data[1], 0.1));
    if (cells.isEmpty()) { // every fit failed: an empty map with a scale that says nothing
      lo = 0;
      hi = 1;
    } else if (hi <= lo) {
      hi = lo + 1e-9;
    }
    LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.GRAY);
    for (int i = 0; i < 64; i++) {
      scale.add(lo + i * (hi - lo) / 64, viridis(i / 63.0));
    }
    renderer.setPaintScale(scale);
    NumberAxis widthAxis = powersOfTen("width N");
    NumberAxis samplesAxis = powersOfTen("samples n");
    widthAxis.setAutoRangeIncludesZero(false);
    samplesAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, widthAxis, samplesAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = chart("Optimal test risk over (width, samples)", plot);
    chart.removeLegend();
    if (cells.isEmpty()) {
      chart.addSubtitle(new TextTitle("no cell has a finite optimal test risk"));
    }
    NumberAxis scaleAxis = new NumberAxis("log10 optimal test risk");
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    chart.addSubtitle(legend);
    return chart;
  }

  /**
   * A block's size on an axis of cell values: the smallest spacing of the distinct values, so
   * blocks tile the grid without overlapping; {@code fallback} for a single value.
   */
  static double cellSize(double[] values, double fallback) {
    double[] sorted = Arrays.stream(values).distinct().sorted().toArray();
    double size = Double.POSITIVE_INFINITY;
    for (int i = 1; i < sorted.length; i++) {
      size = Math.min(size, sorted[i] - sorted[i - 1]);
    }
    return sorted.length < 2 ? fallback : size;
  }

  /**
   * Test risk against the fitting ratio R = train/test along the ridge path of one cell (the
   * paper's Fig. 2): experiment as dots, the eigenframework as a line, the closed-form power-law
   * curve when given, R* marked.
   */
  static JFreeChart riskAgainstFittingRatio(
      List<CurvePoint> curves,
      OptimalPoint cell,
      Map<Double, Double> closedFormCurve,
      double closedFormRStar,
      TheoryCurves dense) {
    List<CurvePoint> path =
        curves.stream()
            .filter(c -> c.width() == cell.width() && c.samples() == cell.samples())
            .sorted(Comparator.comparingDouble(CurvePoint::ridge))
            .toList();
    YIntervalSeries measured = new YIntervalSeries("experiment");
    XYSeries theory = new XYSeries("eigenframework", false);
    java.util.Map<Double, CurvePoint> byRatio = new java.util.HashMap<>(); // dots by their x
    for (CurvePoint c : path) {
      if (c.testMean() > 0 && Double.isFinite(c.testMean())) {
        byRatio.put(c.trainMean() / c.testMean(), c);
        double se = Double.isFinite(c.testSe()) ? c.testSe() : 0;
        measured.add(
            c.trainMean() / c.testMean(),
            c.testMean(),
            Math.max(c.testMean() - se, c.testMean() / 2),
            c.testMean() + se);
      }
      if (dense == null && c.theoryTest() > 0 && Double.isFinite(c.theoryTest())) {
        theory.add(c.theoryTrain() / c.theoryTest(), c.theoryTest());
      }
    }
    if (dense != null) {
      // The whole ridge path, not only the grid's ridges.
      double[] ridges = path.stream().mapToDouble(CurvePoint::ridge).filter(r -> r > 0).toArray();
      double lo = ridges.length == 0 ? 1e-4 : ridges[0] / 100;
      double hi = ridges.length == 0 ? 1e4 : ridges[ridges.length - 1] * 100;
      double[][] riskAndRatio = dense.ridgePath(cell.width(), cell.samples(), lo, hi);
      for (int i = 0; i < riskAndRatio[0].length; i++) {
        if (riskAndRatio[0][i] > 0 && Double.isFinite(riskAndRatio[0][i])) {
          theory.add(riskAndRatio[1][i], riskAndRatio[0][i]);
        }
      }
    }
    YIntervalSeries best = new YIntervalSeries("empirical optimum (best grid ridge)");
    if (cell.testMean() > 0 && cell.fittingRatio() >= 0) {
      best.add(
          cell.fittingRatio(),
          cell.testMean(),
          cell.testMean() - cell.testSe(),
          cell.testMean() + cell.testSe());
    }
    XYSeriesCollection lines = new XYSeriesCollection(theory);
    if (!closedFormCurve.isEmpty()) {
      XYSeries closed = new XYSeries("closed form (kernel limit, continuum)", false);
      closedFormCurve.forEach(closed::add);
      lines.addSeries(closed);
    }
    XYPlot plot = new XYPlot();
    NumberAxis ratioAxis = new NumberAxis("fitting ratio R = train risk / test risk");
    ratioAxis.setRange(0, 1);
    plot.setDomainAxis(ratioAxis);
    DecadeAxis riskAxis = new DecadeAxis("test risk");
    double[] range = yRange(path.stream().mapToDouble(CurvePoint::testMean).toArray());
    riskAxis.setRange(range[0], range[1]);
    plot.setRangeAxis(riskAxis);
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDefaultLinesVisible(false);
    errors.setSeriesPaint(0, new Color(0x1f77b4));
    errors.setSeriesPaint(1, Color.BLACK);
    errors.setSeriesShape(1, org.jfree.chart.util.ShapeUtils.createDiamond(7f));
    // Hover: each dot of the ridge path with its ridge and numbers.
    errors.setDefaultToolTipGenerator(
        (dataset, series, item) ->
            series == 0 && byRatio.containsKey(dataset.getXValue(series, item))
                ? describe(byRatio.get(dataset.getXValue(series, item)))
                    + String.format(
                        Locale.ROOT, "; fitting ratio R = %.3f", dataset.getXValue(series, item))
                : series == 1
                    ? String.format(
                        Locale.ROOT,
                        "empirical optimum: ridge %s, R = %.3f, test risk %.4g",
                        format(cell.bestRidge()),
                        cell.fittingRatio(),
                        cell.testMean())
                    : null);
    plot.setDataset(0, new YIntervalSeriesCollection());
    ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(measured);
    ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(best);
    plot.setRenderer(0, errors);
    XYLineAndShapeRenderer lineRenderer = lines();
    lineRenderer.setSeriesPaint(0, new Color(0xd62728));
    lineRenderer.setSeriesPaint(1, Color.GRAY);
    plot.setDataset(1, lines);
    plot.setRenderer(1, lineRenderer);
    if (Double.isFinite(cell.theoryFittingRatio())) {
      ValueMarker marker =
          new ValueMarker(
              cell.theoryFittingRatio(),
              new Color(0xd62728),
              new BasicStroke(
                  1.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  1f,
                  new float[] {4f, 4f},
                  0f));
      marker.setLabel(String.format(Locale.ROOT, "theory R* = %.3f", cell.theoryFittingRatio()));
      // Inside the frame, beside the line, never over the axis.
      marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8, 4, 4, 4));
      plot.addDomainMarker(marker);
    }
    if (!closedFormCurve.isEmpty() && Double.isFinite(closedFormRStar)) {
      ValueMarker closed = new ValueMarker(closedFormRStar, Color.GRAY, new BasicStroke(1.5f));
      closed.setLabel(String.format(Locale.ROOT, "closed-form R* = %.3f", closedFormRStar));
      closed.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
      closed.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
      closed.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 4, 8, 4));
      plot.addDomainMarker(closed);
    }
    return chart(
        "Test risk against fitting ratio along the ridge path at N = "
            + Sweep.widthText(cell.width())
            + ", n = "
            + cell.samples()
            + (dense == null && theory.isEmpty() ? " (no theory for these features)" : ""),
        plot);
  }

  /** Theory against experiment for every (cell, ridge) with both, log-log, with the diagonal. */
  static JFreeChart theoryAgainstExperiment(List<CurvePoint> curves) {
    XYSeries points = new XYSeries("(width, samples, ridge)", false);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (CurvePoint c : curves) {
      if (c.theoryTest() > 0
          && Double.isFinite(c.theoryTest())
          && c.testMean() > 0
          && Double.isFinite(c.testMean())) {
        points.add(c.theoryTest(), c.testMean());
        lo = Math.min(lo, Math.min(c.theoryTest(), c.testMean()));
        hi = Math.max(hi, Math.max(c.theoryTest(), c.testMean()));
      }
    }
    XYSeries diagonal = new XYSeries("y = x");
    if (hi > 0) {
      diagonal.add(lo, lo);
      diagonal.add(hi, hi);
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new DecadeAxis("theory test risk"));
    plot.setRangeAxis(new DecadeAxis("mean test risk over seeds"));
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, new Color(0x1f77b4));
    XYLineAndShapeRenderer line = lines();
    line.setSeriesPaint(0, Color.BLACK);
    plot.setDataset(0, new XYSeriesCollection(diagonal));
    plot.setRenderer(0, line);
    plot.setDataset(1, new XYSeriesCollection(points));
    plot.setRenderer(1, dots);
    JFreeChart chart = chart("Theory against experiment", plot);
    if (points.isEmpty()) {
      plot.getDomainAxis().setRange(1, 10);
      plot.getRangeAxis().setRange(1, 10);
      chart.addSubtitle(
          new TextTitle("no (cell, ridge) has both a finite theory and a measured risk"));
    }
    return chart;
  }

  /** A measured spectrum: eigenvalues and target power per mode on log-log axes. */
  static JFreeChart spectrum(double[] eigenvalues, double[] targetPower) {
    XYSeries lambda = new XYSeries("eigenvalue lambda_i", false);
    XYSeries power = new XYSeries("target power v_i^2", false);
    for (int i = 0; i < eigenvalues.length; i++) {
      if (eigenvalues[i] > 0) {
        lambda.add(i + 1, eigenvalues[i]);
      }
      if (targetPower[i] > 0) {
        power.add(i + 1, targetPower[i]);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(lambda);
    data.addSeries(power);
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new LogAxis("mode index i"));
    plot.setRangeAxis(new LogAxis("value"));
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, new Color(0x1f77b4));
    dots.setSeriesPaint(1, new Color(0xff7f0e));
    dots.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
    dots.setSeriesShape(1, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
    plot.setDataset(data);
    plot.setRenderer(dots);
    return chart("Measured spectrum of the pool's kernel", plot);
  }

  static JFreeChart chart(String title, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart =
        new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** A perceptually even colour map (viridis, by its endpoints and midpoints). */
  static Color viridis(double t) {
    float[][] stops = {
      {0.267f, 0.005f, 0.329f},
      {0.229f, 0.322f, 0.546f},
      {0.128f, 0.567f, 0.551f},
      {0.369f, 0.789f, 0.383f},
      {0.993f, 0.906f, 0.144f}
    };
    double position = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) position);
    float f = (float) (position - i);
    return new Color(
        stops[i][0] + f * (stops[i + 1][0] - stops[i][0]),
        stops[i][1] + f * (stops[i + 1][1] - stops[i][1]),
        stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
  }

  static String format(double ridge) {
    return ridge == 0 ? "0" : String.format(Locale.ROOT, "%.3g", ridge);
  }
}
