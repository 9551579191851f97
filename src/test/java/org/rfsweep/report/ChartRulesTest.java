package org.rfsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.rfsweep.aggregate.CurvePoint;
import org.rfsweep.aggregate.OptimalPoint;
import org.rfsweep.spec.GridSpec;
import org.rfsweep.spec.Sweep;

/** The risk figures' rules on fixture grids: slices, tick labels, clipped points, every ridge. */
class ChartRulesTest {
  private static final List<Integer> AXIS = List.of(16, 32, 64, 128, 256, 512, 1024);

  private static OptimalPoint cell(int width, int samples) {
    return new OptimalPoint(
        width, samples, 1, false, 1, 0.1, 0.5, 0.5, 1, 1, 0.5, 1, 1, 0.1, 1, 1, 0.1);
  }

  @Test
  void slicesSpreadOverAProductGridAndKeepTheValuesASweepNames() {
    List<OptimalPoint> product = new ArrayList<>();
    for (int w : AXIS) {
      for (int n : AXIS) {
        product.add(cell(w, n));
      }
    }
    GridSpec grid = new GridSpec(List.of(new Sweep(AXIS, AXIS)), List.of(0.0, 1.0), 2);
    assertEquals(List.of(16, 128, 1024), Slices.choose(product, "width", grid));
    assertEquals(List.of(16, 128, 1024), Slices.choose(product, "samples", grid));

    // Fig. 1's layout: widths swept at n = 256, samples at N = 256.
    List<OptimalPoint> fig1 = new ArrayList<>();
    for (int v : AXIS) {
      fig1.add(cell(v, 256));
      fig1.add(cell(256, v));
    }
    GridSpec sweeps =
        new GridSpec(
            List.of(new Sweep(AXIS, List.of(256)), new Sweep(List.of(256), AXIS)),
            List.of(0.0, 1.0),
            2);
    assertEquals(List.of(256), Slices.choose(fig1, "width", sweeps));
    assertEquals(List.of(256), Slices.choose(fig1, "samples", sweeps));
  }

  @Test
  void ticksAreDecadesOrOneTwoFiveWithReadableLabels() {
    assertEquals(List.of(0.01, 0.1, 1.0, 10.0, 100.0), DecadeAxis.ticks(0.005, 300));
    assertEquals(List.of(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0), DecadeAxis.ticks(14, 1200));
    assertEquals("0.001", DecadeAxis.label(0.001));
    assertEquals("1000", DecadeAxis.label(1000));
    assertEquals("20", DecadeAxis.label(20));
    assertEquals("1e-5", DecadeAxis.label(1e-5));
    assertEquals("2e5", DecadeAxis.label(2e5));
  }

  @Test
  void aPeakIsClippedToAMarkerAndEveryRidgeIsDrawnWithDenseTheoryGaps() {
    List<CurvePoint> curves = new ArrayList<>();
    double[] ridges = {0, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000, 1e5, 1e6, 1e7};
    for (double ridge : ridges) {
      for (int w : AXIS) {
        double mean = ridge == 0 && w == 32 ? 6000 : 1 + 1.0 / w + ridge * 1e-7;
        curves.add(
            new CurvePoint(
                w,
                32,
                ridge,
                8,
                0,
                mean,
                mean * 0.01,
                mean * 0.03,
                0.5,
                0.01,
                0.02,
                mean,
                mean,
                Double.NaN,
                Double.NaN));
      }
    }
    double[] range = Charts.yRange(curves.stream().mapToDouble(CurvePoint::testMean).toArray());
    assertTrue(range[1] < 6000 && range[1] > 1.3, "the peak does not set the axis: " + range[1]);
    JFreeChart chart = Charts.riskCurves(curves, List.of(cell(16, 32)), "width", 32, null);
    assertEquals(ridges.length, chart.getXYPlot().getDataset(1).getSeriesCount(), "every ridge");
    assertEquals(1, chart.getXYPlot().getDataset(3).getItemCount(0), "one clipped marker");
    assertTrue(chart.getTitle().getText().contains("no theory"), chart.getTitle().getText());
  }

  @Test
  void theoryIsDenseWithAGapWhereItDivergesAtTheRidgelessPeak() {
    var spec = org.rfsweep.spec.SpecLoader.parse(org.rfsweep.testing.Specs.small(), "small.yaml");
    TheoryCurves theory =
        TheoryCurves.of(org.rfsweep.run.RunContext.of(spec, "test", "test")).orElseThrow();
    List<CurvePoint> curves = new ArrayList<>();
    for (int w : AXIS) {
      for (double ridge : new double[] {0, 0.01}) {
        curves.add(
            new CurvePoint(
                w, 32, ridge, 8, 0, 1, 0.01, 0.03, 0.5, 0.01, 0.02, 1, 1, Double.NaN, Double.NaN));
      }
    }
    JFreeChart chart = Charts.riskCurves(curves, List.of(cell(16, 32)), "width", 32, theory);
    var lines = chart.getXYPlot().getDataset(2);
    assertEquals(3, lines.getSeriesCount(), "one line per ridge and the optimal ridge's");
    assertTrue(lines.getItemCount(0) > 4 * AXIS.size(), "dense: not only the cells");
    boolean gap = false;
    for (int i = 0; i < lines.getItemCount(0); i++) {
      gap |= Double.isNaN(lines.getYValue(0, i));
    }
    assertTrue(gap, "the ridgeless line breaks at N = n");
    for (int i = 0; i < lines.getItemCount(2); i++) {
      assertTrue(Double.isFinite(lines.getYValue(2, i)), "the optimal ridge's risk is finite");
    }
  }
}
