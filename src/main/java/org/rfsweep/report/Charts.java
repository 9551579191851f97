package org.rfsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
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

/** The report's figures, built with JFreeChart from the aggregated tables. */
final class Charts {
  /** Ridges drawn per risk-curve figure: more than this many colours cannot be told apart. */
  static final int MAX_RIDGES_DRAWN = 8;

  private Charts() {}

  /**
   * Test risk against {@code axis} ("width" or "samples") at one fixed value of the other: one
   * colour per ridge (dots with standard-error bars), the theory as lines of the same colour, the
   * optimal-ridge curve dashed.
   */
  static JFreeChart riskCurves(
      List<CurvePoint> curves, List<OptimalPoint> optimal, String axis, int fixed) {
    boolean alongWidth = axis.equals("width");
    ToIntFunction<CurvePoint> x = alongWidth ? CurvePoint::width : CurvePoint::samples;
    List<CurvePoint> slice =
        curves.stream().filter(c -> (alongWidth ? c.samples() : c.width()) == fixed).toList();
    List<Double> ridges = drawnRidges(slice);
    YIntervalSeriesCollection dots = new YIntervalSeriesCollection();
    XYSeriesCollection lines = new XYSeriesCollection();
    for (double ridge : ridges) {
      YIntervalSeries measured = new YIntervalSeries("ridge " + format(ridge));
      XYSeries theory = new XYSeries("theory, ridge " + format(ridge));
      slice.stream()
          .filter(c -> c.ridge() == ridge)
          .sorted(Comparator.comparingInt(x))
          .forEach(
              c -> {
                if (c.testMean() > 0 && Double.isFinite(c.testMean())) {
                  double se = Double.isFinite(c.testSe()) ? c.testSe() : 0;
                  measured.add(
                      x.applyAsInt(c),
                      c.testMean(),
                      Math.max(c.testMean() - se, c.testMean() * 0.5),
                      c.testMean() + se);
                }
                if (c.theoryTest() > 0 && Double.isFinite(c.theoryTest())) {
                  theory.add(x.applyAsInt(c), c.theoryTest());
                }
              });
      dots.addSeries(measured);
      lines.addSeries(theory);
    }
    XYSeriesCollection best = new XYSeriesCollection();
    XYSeries bestSeries = new XYSeries("optimal ridge (grid)");
    optimal.stream()
        .filter(p -> (alongWidth ? p.samples() : p.width()) == fixed)
        .sorted(Comparator.comparingInt(p -> alongWidth ? p.width() : p.samples()))
        .forEach(p -> bestSeries.add(alongWidth ? p.width() : p.samples(), p.testMean()));
    best.addSeries(bestSeries);

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new LogAxis(alongWidth ? "width N" : "samples n"));
    plot.setRangeAxis(new LogAxis("test risk"));
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDefaultLinesVisible(false);
    XYLineAndShapeRenderer theoryRenderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < ridges.size(); i++) {
      Paint colour = colour(i, ridges.size());
      errors.setSeriesPaint(i, colour);
      theoryRenderer.setSeriesPaint(i, colour);
      theoryRenderer.setSeriesVisibleInLegend(i, false);
    }
    XYLineAndShapeRenderer bestRenderer = new XYLineAndShapeRenderer(true, false);
    bestRenderer.setSeriesPaint(0, Color.BLACK);
    bestRenderer.setSeriesStroke(
        0,
        new BasicStroke(
            2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f));
    plot.setDataset(0, best);
    plot.setRenderer(0, bestRenderer);
    plot.setDataset(1, dots);
    plot.setRenderer(1, errors);
    plot.setDataset(2, lines);
    plot.setRenderer(2, theoryRenderer);
    String title =
        "Test risk against "
            + (alongWidth ? "width at n = " : "samples at N = ")
            + fixed
            + " (dots: experiment, lines: theory)";
    return chart(title, plot);
  }

  /**
   * At most {@link #MAX_RIDGES_DRAWN} ridges spread evenly over the grid, always including the
   * smallest.
   */
  private static List<Double> drawnRidges(List<CurvePoint> slice) {
    List<Double> all = slice.stream().map(CurvePoint::ridge).distinct().sorted().toList();
    if (all.size() <= MAX_RIDGES_DRAWN) {
      return all;
    }
    List<Double> drawn = new ArrayList<>();
    for (int i = 0; i < MAX_RIDGES_DRAWN; i++) {
      drawn.add(all.get((int) Math.round(i * (all.size() - 1.0) / (MAX_RIDGES_DRAWN - 1))));
    }
    return drawn.stream().distinct().toList();
  }

  /** The optimal test risk over (width, samples) as coloured blocks on log-log axes. */
  static JFreeChart heatMap(List<OptimalPoint> optimal) {
    List<OptimalPoint> cells = optimal.stream().filter(p -> p.testMean() > 0).toList();
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
    renderer.setBlockWidth(blockSize(data[0]));
    renderer.setBlockHeight(blockSize(data[1]));
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
    NumberAxis widthAxis = new NumberAxis("log10 width N");
    NumberAxis samplesAxis = new NumberAxis("log10 samples n");
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

  /** The median spacing of the distinct log values: blocks tile a regular log grid without gaps. */
  private static double blockSize(double[] logs) {
    double[] sorted = Arrays.stream(logs).distinct().sorted().toArray();
    if (sorted.length < 2) {
      return 0.1;
    }
    double[] gaps = new double[sorted.length - 1];
    for (int i = 1; i < sorted.length; i++) {
      gaps[i - 1] = sorted[i] - sorted[i - 1];
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }

  /**
   * Test risk against the fitting ratio R = train/test along the ridge path of one cell (the
   * paper's Fig. 2): experiment as dots, the eigenframework as a line, the closed-form power-law
   * curve when given, R* marked.
   */
  static JFreeChart riskAgainstFittingRatio(
      List<CurvePoint> curves, OptimalPoint cell, Map<Double, Double> closedFormCurve) {
    List<CurvePoint> path =
        curves.stream()
            .filter(c -> c.width() == cell.width() && c.samples() == cell.samples())
            .sorted(Comparator.comparingDouble(CurvePoint::ridge))
            .toList();
    YIntervalSeries measured = new YIntervalSeries("experiment");
    XYSeries theory = new XYSeries("eigenframework", false);
    for (CurvePoint c : path) {
      if (c.testMean() > 0 && Double.isFinite(c.testMean())) {
        double se = Double.isFinite(c.testSe()) ? c.testSe() : 0;
        measured.add(
            c.trainMean() / c.testMean(),
            c.testMean(),
            Math.max(c.testMean() - se, c.testMean() / 2),
            c.testMean() + se);
      }
      if (c.theoryTest() > 0 && Double.isFinite(c.theoryTest())) {
        theory.add(c.theoryTrain() / c.theoryTest(), c.theoryTest());
      }
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
    plot.setRangeAxis(new LogAxis("test risk"));
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDefaultLinesVisible(false);
    errors.setSeriesPaint(0, new Color(0x1f77b4));
    plot.setDataset(0, new YIntervalSeriesCollection());
    ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(measured);
    plot.setRenderer(0, errors);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
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
      marker.setLabel(String.format(Locale.ROOT, "R* = %.3f", cell.theoryFittingRatio()));
      plot.addDomainMarker(marker);
    }
    return chart(
        "Test risk against fitting ratio at N = " + cell.width() + ", n = " + cell.samples(), plot);
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
    plot.setDomainAxis(new LogAxis("theory test risk"));
    plot.setRangeAxis(new LogAxis("mean test risk over seeds"));
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, new Color(0x1f77b4));
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
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

  /** The fixed values with the longest sweeps along an axis, longest first. */
  static List<Integer> longestSweeps(List<OptimalPoint> optimal, String axis, int count) {
    Map<Integer, Long> lengths =
        optimal.stream()
            .collect(
                Collectors.groupingBy(
                    p -> axis.equals("width") ? p.samples() : p.width(),
                    TreeMap::new,
                    Collectors.counting()));
    return lengths.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
        .limit(count)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart =
        new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static Paint colour(int index, int count) {
    return viridis(count <= 1 ? 0 : index / (count - 1.0) * 0.9);
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
