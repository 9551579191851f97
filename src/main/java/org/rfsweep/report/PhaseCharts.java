package org.rfsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The phase diagram's figures: values over (alpha, beta), and exponents against theory. */
final class PhaseCharts {
  private PhaseCharts() {}

  /**
   * A heat map of {@code values} over (alpha, beta) with the line beta = alpha, each cell labelled
   * with its value; NaN cells are grey.
   */
  static JFreeChart overAlphaBeta(
      String title, String valueLabel, double[] alpha, double[] beta, double[] values, double top) {
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries(valueLabel, new double[][] {alpha.clone(), beta.clone(), values.clone()});
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setBlockWidth(step(alpha));
    renderer.setBlockHeight(step(beta));
    double hi = top > 0 ? top : 1;
    LookupPaintScale scale = new LookupPaintScale(0, hi, Color.LIGHT_GRAY);
    for (int i = 0; i < 64; i++) {
      scale.add(i * hi / 64, Charts.viridis(i / 63.0));
    }
    renderer.setPaintScale(scale);
    // Hover: each cell's task point and value.
    renderer.setDefaultToolTipGenerator(
        (data, series, item) ->
            String.format(
                java.util.Locale.ROOT,
                "alpha %s, beta %s: %s = %s",
                ReportWriter.num(alpha[item]),
                ReportWriter.num(beta[item]),
                valueLabel,
                Double.isNaN(values[item]) ? "n/a" : ReportWriter.num(values[item])));
    NumberAxis alphaAxis = new NumberAxis("alpha (eigenvalue decay)");
    NumberAxis betaAxis = new NumberAxis("beta (target decay)");
    alphaAxis.setAutoRangeIncludesZero(false);
    betaAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, alphaAxis, betaAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    double lo = Math.min(min(alpha) - step(alpha) / 2, min(beta) - step(beta) / 2);
    double up = Math.max(max(alpha) + step(alpha) / 2, max(beta) + step(beta) / 2);
    plot.addAnnotation(new XYLineAnnotation(lo, lo, up, up, new BasicStroke(2.5f), Color.RED));
    for (int i = 0; i < values.length; i++) {
      // Below 1e-9 a ratio is the rounding of an exact 0 (the training fit interpolates).
      String text =
          Double.isNaN(values[i])
              ? "n/a"
              : values[i] < 1e-9 ? "0" : String.format(java.util.Locale.ROOT, "%.3f", values[i]);
      XYTextAnnotation label = new XYTextAnnotation(text, alpha[i], beta[i]);
      label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      label.setPaint(values[i] > hi * 0.6 ? Color.BLACK : Color.WHITE);
      plot.addAnnotation(label);
    }
    alphaAxis.setRange(min(alpha) - step(alpha) / 2, max(alpha) + step(alpha) / 2);
    betaAxis.setRange(min(beta) - step(beta) / 2, max(beta) + step(beta) / 2);
    alphaAxis.setTickUnit(new NumberTickUnit(step(alpha)));
    betaAxis.setTickUnit(new NumberTickUnit(step(beta)));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    TextTitle line = new TextTitle("red line: beta = alpha");
    line.setPaint(Color.RED);
    chart.addSubtitle(line);
    PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis(valueLabel));
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    chart.addSubtitle(legend);
    return chart;
  }

  /**
   * Measured exponents against the eigenframework's, one series per exponent kind, with the line
   * measured = theory.
   */
  static JFreeChart exponentsAgainstTheory(
      String title, List<String> names, List<double[]> theory, List<double[]> measured) {
    XYSeriesCollection data = new XYSeriesCollection();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < names.size(); s++) {
      XYSeries series = new XYSeries(names.get(s), false, true);
      for (int i = 0; i < theory.get(s).length; i++) {
        double t = theory.get(s)[i];
        double m = measured.get(s)[i];
        if (Double.isFinite(t) && Double.isFinite(m)) {
          series.add(t, m);
          lo = Math.min(lo, Math.min(t, m));
          hi = Math.max(hi, Math.max(t, m));
        }
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    NumberAxis x = new NumberAxis("theory exponent (eigenframework, same cells)");
    NumberAxis y = new NumberAxis("measured exponent");
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    if (lo < hi) {
      plot.addAnnotation(
          new XYLineAnnotation(
              lo,
              lo,
              hi,
              hi,
              new BasicStroke(
                  1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0),
              Color.GRAY));
    }
    return Charts.chart(title, plot);
  }

  /**
   * An exponent against beta, one colour per alpha: the measured exponents as points, the
   * eigenframework's at the same cells as a line through them.
   */
  static JFreeChart exponentAgainstBeta(
      String title,
      String exponentLabel,
      double[] alpha,
      double[] beta,
      double[] measured,
      double[] theory) {
    XYSeriesCollection data = new XYSeriesCollection();
    double[] alphas = Arrays.stream(alpha).distinct().sorted().toArray();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    for (int a = 0; a < alphas.length; a++) {
      XYSeries points =
          new XYSeries("alpha " + ReportWriter.num(alphas[a]) + " measured", true, true);
      XYSeries line = new XYSeries("alpha " + ReportWriter.num(alphas[a]) + " theory", true, true);
      for (int i = 0; i < alpha.length; i++) {
        if (alpha[i] == alphas[a]) {
          if (Double.isFinite(measured[i])) {
            points.add(beta[i], measured[i]);
          }
          if (Double.isFinite(theory[i])) {
            line.add(beta[i], theory[i]);
          }
        }
      }
      Color colour = Charts.viridis(alphas.length == 1 ? 0 : a / (alphas.length - 1.0) * 0.9);
      int p = data.getSeriesCount();
      data.addSeries(points);
      renderer.setSeriesLinesVisible(p, false);
      renderer.setSeriesShapesVisible(p, true);
      renderer.setSeriesPaint(p, colour);
      data.addSeries(line);
      renderer.setSeriesLinesVisible(p + 1, true);
      renderer.setSeriesShapesVisible(p + 1, false);
      renderer.setSeriesPaint(p + 1, colour);
      renderer.setSeriesVisibleInLegend(p + 1, false);
    }
    NumberAxis x = new NumberAxis("beta (target decay)");
    NumberAxis y = new NumberAxis(exponentLabel);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = Charts.chart(title, plot);
    chart.addSubtitle(new TextTitle("points: measured; lines: eigenframework at the same cells"));
    return chart;
  }

  /** A heat-map cell's size on an (alpha or beta) axis. */
  private static double step(double[] values) {
    return Charts.cellSize(values, 0.25);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(1);
  }
}
