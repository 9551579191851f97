package org.rfsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rfsweep.aggregate.CurvePoint;
import org.rfsweep.aggregate.KernelLimit;

/**
 * The paper's real-data figure (its Fig. 2) at width inf: test risk against the fitting ratio R =
 * train/test along the ridge path, one curve per n, the eigenframework's path as a line of the same
 * colour, each n's empirical optimum marked, the closed form's R* as a vertical line.
 */
final class KernelCharts {
  private KernelCharts() {}

  static JFreeChart ridgePaths(
      List<CurvePoint> curves,
      List<KernelLimit.Row> rows,
      String closedFormSource,
      TheoryCurves theory) {
    List<Integer> samples = rows.stream().map(KernelLimit.Row::samples).toList();
    XYSeriesCollection measured = new XYSeriesCollection();
    XYSeriesCollection lines = new XYSeriesCollection();
    XYSeriesCollection optima = new XYSeriesCollection(new XYSeries("empirical optimum", false));
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    double theoryLowest = Double.POSITIVE_INFINITY;
    for (int n : samples) {
      List<CurvePoint> path =
          curves.stream()
              .filter(c -> Double.isInfinite(c.width()) && c.samples() == n)
              .sorted(Comparator.comparingDouble(CurvePoint::ridge))
              .toList();
      XYSeries dots = new XYSeries("n = " + n, false);
      for (CurvePoint c : path) {
        if (c.testMean() > 0 && Double.isFinite(c.testMean())) {
          dots.add(c.trainMean() / c.testMean(), c.testMean());
          lo = Math.min(lo, c.testMean());
          hi = Math.max(hi, c.testMean());
        }
      }
      measured.addSeries(dots);
      XYSeries line = new XYSeries("eigenframework, n = " + n, false);
      if (theory != null) {
        double[] ridges = path.stream().mapToDouble(CurvePoint::ridge).filter(r -> r > 0).toArray();
        double from = ridges.length == 0 ? 1e-4 : ridges[0] / 10;
        double to = ridges.length == 0 ? 1e4 : ridges[ridges.length - 1] * 10;
        double[][] riskAndRatio = theory.ridgePath(Double.POSITIVE_INFINITY, n, from, to);
        for (int i = 0; i < riskAndRatio[0].length; i++) {
          if (riskAndRatio[0][i] > 0 && Double.isFinite(riskAndRatio[0][i])) {
            line.add(riskAndRatio[1][i], riskAndRatio[0][i]);
            theoryLowest = Math.min(theoryLowest, riskAndRatio[0][i]);
          }
        }
      }
      lines.addSeries(line);
    }
    for (KernelLimit.Row r : rows) {
      optima.getSeries(0).add(r.ratio(), r.testMean());
    }

    XYPlot plot = new XYPlot();
    NumberAxis xAxis = new NumberAxis("fitting ratio R = train risk / test risk");
    xAxis.setRange(0, 1.02);
    DecadeAxis yAxis = new DecadeAxis("test risk");
    // The ridgeless end of a small n can sit far above the rest: the axis keeps to the bulk.
    // Down to the lowest theory as well: where they part, both must show.
    yAxis.setRange(Math.min(lo, theoryLowest) / 1.15, Math.min(hi, lo * Charts.CLIP_FACTOR) * 1.15);
    plot.setDomainAxis(xAxis);
    plot.setRangeAxis(yAxis);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    XYLineAndShapeRenderer theoryLines = Charts.lines();
    for (int i = 0; i < samples.size(); i++) {
      double t = samples.size() == 1 ? 0 : (double) i / (samples.size() - 1) * 0.9;
      Color colour = Charts.viridis(t);
      dots.setSeriesPaint(i, colour);
      dots.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
      theoryLines.setSeriesPaint(i, colour);
      theoryLines.setSeriesStroke(i, new BasicStroke(1.6f));
      theoryLines.setSeriesVisibleInLegend(i, false);
    }
    XYLineAndShapeRenderer best = new XYLineAndShapeRenderer(false, true);
    best.setSeriesPaint(0, Color.BLACK);
    best.setSeriesShape(0, new Rectangle2D.Double(-6, -6, 12, 12));
    best.setSeriesShapesFilled(0, false);
    best.setSeriesStroke(0, new BasicStroke(2f));
    plot.setDataset(0, optima);
    plot.setRenderer(0, best);
    plot.setDataset(1, measured);
    plot.setRenderer(1, dots);
    plot.setDataset(2, lines);
    plot.setRenderer(2, theoryLines);
    double[] closedForm =
        rows.stream()
            .mapToDouble(KernelLimit.Row::closedFormRStar)
            .filter(Double::isFinite)
            .toArray();
    boolean oneValue =
        closedForm.length > 0
            && java.util.Arrays.stream(closedForm).max().getAsDouble()
                    - java.util.Arrays.stream(closedForm).min().getAsDouble()
                < 1e-9;
    if (oneValue) {
      // The same at every n (no noise): one line.
      ValueMarker closed =
          new ValueMarker(
              closedForm[0],
              Color.GRAY,
              new BasicStroke(
                  1.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  1f,
                  new float[] {6f, 4f},
                  0f));
      closed.setLabel(
          String.format(
              Locale.ROOT, "closed-form R* = %.3f (%s)", closedForm[0], closedFormSource));
      closed.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      closed.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      closed.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8, 4, 4, 4));
      plot.addDomainMarker(closed);
    } else {
      // With noise it moves with n: a tick of each n's colour along the bottom edge.
      double bottom = yAxis.getLowerBound();
      double top = bottom * Math.pow(yAxis.getUpperBound() / bottom, 0.08);
      for (int i = 0; i < rows.size(); i++) {
        double r = rows.get(i).closedFormRStar();
        if (Double.isFinite(r)) {
          plot.addAnnotation(
              new org.jfree.chart.annotations.XYLineAnnotation(
                  r, bottom, r, top, new BasicStroke(3f), dots.getSeriesPaint(i)));
        }
      }
    }
    return Charts.chart(
        "Kernel ridge regression (width inf): test risk against fitting ratio along the ridge path"
            + (theory != null
                ? " (dots: experiment; lines: eigenframework; squares: empirical optima"
                : " (dots: experiment; squares: empirical optima")
            + (oneValue || closedForm.length == 0
                ? ")"
                : "; ticks at the bottom: closed-form R* per n, " + closedFormSource + ")"),
        plot);
  }
}
