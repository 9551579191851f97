package org.rfsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.features.FeatureMaps;
import org.rfsweep.grid.NormalDraws;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * Common random numbers across task points: for one seed index, points that differ in alpha, beta
 * or noise (or a dataset's label noise) see the same standard-normal draws, so their differences
 * are paired.
 */
class TaskPointPairingTest {
  private static final long SEED = 11;
  private static final int MODES = 40;
  private static final int SAMPLES = 25;

  private record Drawn(double[] inputs, double[] labels) {}

  private static Drawn draw(TaskSource source) {
    double[] inputs = new double[source.inputDimension() * SAMPLES];
    double[] labels = new double[SAMPLES * source.outputs()];
    source.draw(RandomStreams.TRAIN, SEED, 3, 0, SAMPLES, inputs, labels, SAMPLES);
    return new Drawn(inputs, labels);
  }

  @Test
  void powerLawPointsShareInputsFeaturesAndLabelNoiseDraws() {
    PowerLawTaskSpec a = new PowerLawTaskSpec(1.5, 1.2, 0.1, MODES, 10);
    PowerLawTaskSpec b = new PowerLawTaskSpec(2.5, 2.0, 0.4, MODES, 10);
    PowerLawSource sa = new PowerLawSource(a);
    PowerLawSource sb = new PowerLawSource(b);
    Drawn da = draw(sa);
    Drawn db = draw(sb);
    double[] xa = standardNormals(da.inputs(), sa.sqrtEigenvalues());
    double[] xb = standardNormals(db.inputs(), sb.sqrtEigenvalues());
    assertArrayEquals(xa, xb, 1e-12, "the same x ~ N(0, I) behind both points' inputs");
    for (int j = 0; j < SAMPLES; j++) {
      double ea = (da.labels()[j] - signal(sa, xa, j)) / Math.sqrt(a.noise());
      double eb = (db.labels()[j] - signal(sb, xb, j)) / Math.sqrt(b.noise());
      assertEquals(ea, eb, 1e-9, "the same label-noise draw at sample " + j);
    }
    // Feature weights come from their own stream: the same at every task point of a seed.
    double[] wa = new double[MODES * 6];
    double[] wb = new double[MODES * 6];
    FeatureMaps.create(new FeatureSpec(FeatureKind.LINEAR), sa).weights(SEED, 3, 0, 6, wa);
    FeatureMaps.create(new FeatureSpec(FeatureKind.LINEAR), sb).weights(SEED, 3, 0, 6, wb);
    assertArrayEquals(wa, wb, 0.0);
  }

  @Test
  void drawsSharedBetweenPointsAreTheSameBitsAsDrawnAlone() {
    NormalDraws shared = new NormalDraws(64L << 20);
    PowerLawTaskSpec a = new PowerLawTaskSpec(1.5, 1.2, 0.1, MODES, 10);
    PowerLawTaskSpec b = new PowerLawTaskSpec(2.5, 2.0, 0.4, MODES, 10);
    for (PowerLawTaskSpec spec : List.of(a, b)) {
      Drawn alone = draw(new PowerLawSource(spec));
      Drawn cached = draw(new PowerLawSource(spec, shared));
      assertArrayEquals(alone.inputs(), cached.inputs(), 0.0);
      assertArrayEquals(alone.labels(), cached.labels(), 0.0);
      for (FeatureKind kind : FeatureKind.values()) {
        FeatureSpec features =
            kind == FeatureKind.RFF ? new FeatureSpec(kind, 2.0) : new FeatureSpec(kind);
        double[] w = new double[MODES * 5];
        double[] wc = new double[MODES * 5];
        PowerLawSource source = new PowerLawSource(spec);
        FeatureMaps.create(features, source).weights(SEED, 3, 2, 5, w);
        FeatureMaps.create(features, source, shared).weights(SEED, 3, 2, 5, wc);
        assertArrayEquals(w, wc, 0.0, kind.word());
      }
    }
    // The second point found the first point's training block and weights in the cache.
    assertTrue(shared.hits() >= 1 + 3, "hits " + shared.hits());
  }

  @Test
  void datasetLabelNoiseLevelsShareTheirDrawsAndTestRiskCarriesTheNoise(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("d.csv");
    StringBuilder text = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 60; i++) {
      text.append(i % 7)
          .append(',')
          .append((i * 3) % 11)
          .append(',')
          .append(0.1 * (i % 9))
          .append('\n');
    }
    Files.writeString(csv, text);
    DatasetTaskSpec clean =
        new DatasetTaskSpec(
            "csv", "", "", csv.toString(), "y", List.of(), "numeric", List.of(), 60, 10, 0.0);
    DatasetTaskSpec low =
        new DatasetTaskSpec(
            "csv", "", "", csv.toString(), "y", List.of(), "numeric", List.of(), 60, 10, 0.1);
    DatasetTaskSpec high =
        new DatasetTaskSpec(
            "csv", "", "", csv.toString(), "y", List.of(), "numeric", List.of(), 60, 10, 0.4);
    TaskSource c = TaskSources.create(clean, SEED);
    TaskSource l = TaskSources.create(low, SEED);
    TaskSource h = TaskSources.create(high, SEED);
    Drawn dc = draw(c);
    Drawn dl = draw(l);
    Drawn dh = draw(h);
    assertArrayEquals(dc.inputs(), dh.inputs(), 0.0, "label noise leaves the inputs alone");
    for (int j = 0; j < SAMPLES; j++) {
      // Noise std scales with sqrt(sigma_rel^2): 0.4 is twice 0.1's, on the same draw.
      assertEquals(2 * (dl.labels()[j] - dc.labels()[j]), dh.labels()[j] - dc.labels()[j], 1e-12);
    }
    DatasetPool pool = DatasetPool.of(clean, SEED);
    assertEquals(0.4 * DatasetSource.meanPower(pool), h.testNoise(), 1e-15);
    assertEquals(0.0, c.testNoise());
    // Test points stay clean: the noise is in the risk, not drawn.
    double[] testInputs = new double[2 * 5];
    double[] testC = new double[5];
    double[] testH = new double[5];
    c.draw(RandomStreams.TEST, SEED, 3, 0, 5, testInputs, testC, 5);
    h.draw(RandomStreams.TEST, SEED, 3, 0, 5, testInputs, testH, 5);
    assertArrayEquals(testC, testH, 0.0);
  }

  private static double[] standardNormals(double[] inputs, double[] sqrtEigenvalues) {
    double[] x = new double[inputs.length];
    for (int j = 0; j < SAMPLES; j++) {
      for (int i = 0; i < MODES; i++) {
        x[j * MODES + i] = inputs[j * MODES + i] / sqrtEigenvalues[i];
      }
    }
    return x;
  }

  private static double signal(PowerLawSource source, double[] x, int j) {
    double[] v = source.targetCoefficients();
    double sum = 0;
    for (int i = 0; i < MODES; i++) {
      sum += v[i] * x[j * MODES + i];
    }
    return sum;
  }
}
