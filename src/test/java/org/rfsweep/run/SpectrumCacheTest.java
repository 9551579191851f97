package org.rfsweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;

/**
 * The user's cache of pool spectra, on a real measurement (native LAPACK) of a small CSV pool kept
 * in real Parquet files in a temporary folder.
 */
class SpectrumCacheTest {
  private static final String BLAS = "native:test:openblas:2t";

  @TempDir static Path data;
  private static JobSpec spec;
  private static DatasetPool pool;
  private static PoolSpectrum measured;

  @BeforeAll
  static void measureOnce() throws Exception {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("x1,x2,x3,x4,y\n");
    for (int p = 0; p < 300; p++) {
      double y = 0;
      for (int i = 1; i <= 4; i++) {
        double x = Math.pow(i, -0.75) * random.nextGaussian();
        y += x;
        csv.append(x).append(',');
      }
      csv.append(y).append('\n');
    }
    Path file = Files.writeString(data.resolve("data.csv"), csv.toString());
    spec = spec(file, 3, "{type: rff, length: 2}");
    pool = DatasetPool.of((DatasetTaskSpec) spec.task(), spec.seed());
    NativeLinalg.initialise(1);
    measured = PoolSpectrum.measure(spec);
  }

  private static JobSpec spec(Path file, int seed, String features) {
    return SpecLoader.parse(
        """
        name: cached
        seed: %d
        task: {type: dataset, source: {format: csv, path: %s, label: y}, target: numeric, pool: 250, test_samples: 20}
        features: %s
        grid: {widths: [8], samples: [16], ridges: [0], seeds: 1}
        """
            .formatted(seed, file, features),
        "test");
  }

  @Test
  void aStoredSpectrumComesBackBitForBitUnderTheSameKeyOnly(@TempDir Path root) throws Exception {
    SpectrumCache cache = SpectrumCache.at(root);
    List<String> said = new ArrayList<>();
    assertTrue(cache.lookup(spec, pool, BLAS, said::add).isEmpty(), "empty at first");
    Path entry = cache.store(spec, pool, BLAS, measured, said::add).orElseThrow();
    assertTrue(entry.startsWith(root.resolve("spectra")), entry.toString());
    assertTrue(Files.isRegularFile(entry.resolve("measured.json")));

    SpectrumCache.Hit hit = cache.lookup(spec, pool, BLAS, said::add).orElseThrow();
    assertEquals(entry, hit.entry().folder());
    assertArrayEquals(measured.spectrum().eigenvalues(), hit.spectrum().spectrum().eigenvalues());
    assertArrayEquals(measured.spectrum().targetPower(), hit.spectrum().spectrum().targetPower());
    assertEquals(measured.exponents(), hit.spectrum().exponents());
    assertEquals(measured.seconds(), hit.entry().seconds());
    assertEquals(hit.entry(), cache.find(spec, pool, BLAS).orElseThrow());
    assertTrue(
        SpectrumCache.describe(hit.entry()).startsWith("measured 20"),
        SpectrumCache.describe(hit.entry()));
    assertTrue(said.isEmpty(), said.toString());

    // Anything the numbers depend on changes the key: the BLAS threads, the seed, the kernel, and
    // the pool's content even when read from the same path.
    assertTrue(cache.lookup(spec, pool, "native:test:openblas:1t", said::add).isEmpty());
    Path file = Path.of(((DatasetTaskSpec) spec.task()).dataFile());
    assertTrue(
        cache.lookup(spec(file, 4, "{type: rff, length: 2}"), pool, BLAS, said::add).isEmpty());
    assertTrue(
        cache.lookup(spec(file, 3, "{type: rff, length: 3}"), pool, BLAS, said::add).isEmpty());
    double[] targets = pool.targets().clone();
    targets[7] = Math.nextUp(targets[7]);
    DatasetPool changed =
        new DatasetPool(pool.dimension(), pool.size(), pool.outputs(), pool.inputs(), targets);
    assertNotEquals(pool.digest(), changed.digest());
    assertTrue(cache.lookup(spec, changed, BLAS, said::add).isEmpty());
    assertTrue(said.isEmpty(), said.toString());
  }

  @Test
  void aDamagedEntryIsReportedMeasuredAgainAndReplaced(@TempDir Path root) throws Exception {
    SpectrumCache cache = SpectrumCache.at(root);
    Path entry = cache.store(spec, pool, BLAS, measured, line -> {}).orElseThrow();
    Path part;
    try (Stream<Path> files = Files.list(entry.resolve("spectrum"))) {
      part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.write(part, new byte[] {1, 2, 3});
    List<String> said = new ArrayList<>();
    assertTrue(cache.lookup(spec, pool, BLAS, said::add).isEmpty());
    assertEquals(1, said.size(), said.toString());
    assertTrue(said.get(0).contains("cannot be read") && said.get(0).contains(entry.toString()));

    assertEquals(entry, cache.store(spec, pool, BLAS, measured, said::add).orElseThrow());
    SpectrumCache.Hit hit = cache.lookup(spec, pool, BLAS, said::add).orElseThrow();
    assertArrayEquals(measured.spectrum().eigenvalues(), hit.spectrum().spectrum().eigenvalues());
    try (Stream<Path> left = Files.list(entry.getParent())) {
      assertEquals(List.of(entry), left.toList(), "no scratch folder left behind");
    }
  }

  @Test
  void offKeepsNothingAndAnUnwritableCacheDoesNotFailTheRun(@TempDir Path dir) throws Exception {
    SpectrumCache off = SpectrumCache.at(null);
    assertFalse(off.enabled());
    assertEquals("off", off.where());
    assertTrue(off.store(spec, pool, BLAS, measured, line -> {}).isEmpty());
    assertTrue(off.lookup(spec, pool, BLAS, line -> {}).isEmpty());

    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    List<String> said = new ArrayList<>();
    assertTrue(SpectrumCache.at(notAFolder).store(spec, pool, BLAS, measured, said::add).isEmpty());
    assertEquals(1, said.size(), said.toString());
    assertTrue(said.get(0).contains("could not keep the spectrum"), said.get(0));
  }

  @Test
  void theEnvironmentChoosesTheFolderOrOff(@TempDir Path dir) {
    String before = System.getProperty(SpectrumCache.PROPERTY);
    try {
      System.setProperty(SpectrumCache.PROPERTY, dir.toString());
      assertEquals(dir.toString(), SpectrumCache.fromEnvironment().where());
      System.setProperty(SpectrumCache.PROPERTY, "off");
      assertFalse(SpectrumCache.fromEnvironment().enabled());
    } finally {
      if (before == null) {
        System.clearProperty(SpectrumCache.PROPERTY);
      } else {
        System.setProperty(SpectrumCache.PROPERTY, before);
      }
    }
  }
}
