package org.rfsweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfsweep.testing.Specs;

class SpecLoaderTest {

  @Test
  void readsAValidSpec() {
    JobSpec spec = SpecLoader.parse(Specs.small(), "small.yaml");
    assertEquals("small", spec.name());
    assertEquals(7, spec.seed());
    assertEquals(new PowerLawTaskSpec(1.5, 1.3, 0.25, 300, 200), spec.task());
    assertEquals(FeatureKind.LINEAR, spec.features().kind());
    assertEquals(List.of(new Sweep(List.of(8, 24, 48), List.of(16, 24, 40))), spec.grid().sweeps());
    assertEquals(List.of(0.0, 0.01, 1.0), spec.grid().ridges());
    assertEquals(3, spec.grid().seeds());
  }

  @Test
  void expandsLogspaceAxesToDistinctSortedIntegersAndMixesThemWithValues() {
    String text =
        Specs.small()
            .replace("widths: [8, 24, 48]", "widths: {logspace: {from: 10, to: 10000, count: 31}}")
            .replace(
                "ridges: [0, 0.01, 1]", "ridges: [0, {logspace: {from: 1e-3, to: 100, count: 6}}]");
    JobSpec spec = SpecLoader.parse(text, "t");
    // numpy: sorted(set(round(v) for v in np.logspace(1, 4, 31)))
    assertEquals(
        List.of(
            10, 13, 16, 20, 25, 32, 40, 50, 63, 79, 100, 126, 158, 200, 251, 316, 398, 501, 631,
            794, 1000, 1259, 1585, 1995, 2512, 3162, 3981, 5012, 6310, 7943, 10000),
        spec.grid().sweeps().get(0).widths());
    List<Double> expected = List.of(0.0, 1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0);
    List<Double> ridges = spec.grid().ridges();
    assertEquals(expected.size(), ridges.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), ridges.get(i), 1e-15 * expected.get(i), "ridge " + i);
    }
  }

  @Test
  void acceptsSweepsAsAUnionOfProducts() {
    String text =
        Specs.small()
            .replace(
                """
          widths: [8, 24, 48]
          samples: [16, 24, 40]
        """,
                """
          sweeps:
            - {widths: [8, 16], samples: [32]}
            - {widths: [32], samples: [8, 16]}
        """);
    JobSpec spec = SpecLoader.parse(text, "t");
    assertEquals(
        List.of(new Sweep(List.of(8, 16), List.of(32)), new Sweep(List.of(32), List.of(8, 16))),
        spec.grid().sweeps());
  }

  @Test
  void hashIgnoresLayoutButNotMeaning() {
    JobSpec a = SpecLoader.parse(Specs.small(), "a");
    JobSpec b =
        SpecLoader.parse(
            "# comment\n" + Specs.small().replace("[0, 0.01, 1]", "[1, 0.01, 0.0]"), "b");
    JobSpec c = SpecLoader.parse(Specs.smallWith("seeds", "seeds: 4"), "c");
    assertEquals(SpecFingerprint.hash(a), SpecFingerprint.hash(b));
    assertNotEquals(SpecFingerprint.hash(a), SpecFingerprint.hash(c));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      widths     | widths: [8, -8, 48]          | grid.widths[1] (line 12): must be a positive integer or inf (the kernel limit), found -8
      widths     | widths: [8, 2.5]             | grid.widths[1] (line 12): must be a positive integer or inf (the kernel limit), found 2.5
      widths     | widths: [8, -inf]            | grid.widths[1] (line 12): must be a positive integer or inf (the kernel limit), found -inf
      widths     | widths: [8, 2147483647]      | grid.widths[1] (line 12): must be below 2147483647, or inf for the kernel limit
      samples    | samples: [16, inf]           | grid.samples[1] (line 13): must be a positive integer, found inf (only a width can be inf)
      samples    | samples: [16, abc]           | grid.samples[1] (line 13): must be a number, found 'abc'
      samples    | samples: []                  | grid.samples (line 13): must not be empty
      ridges     | ridges: [0, -0.5]            | grid.ridges[1] (line 14): must be a finite number >= 0 (0 = minimum-norm), found -0.5
      ridges     | ridges: [0, .inf]            | grid.ridges[1] (line 14): must be a finite number >= 0 (0 = minimum-norm), found .inf
      ridges     | ridges: [.nan]               | grid.ridges[0] (line 14): must be a finite number >= 0 (0 = minimum-norm), found .nan
      alpha      | alpha: 1.0                   | task.alpha (line 5): must be > 1 (eigenvalues i^-alpha must be summable), found 1.0
      alpha      | alpha: 0.5                   | task.alpha (line 5): must be > 1 (eigenvalues i^-alpha must be summable), found 0.5
      seeds      | seeds: 0                     | grid.seeds (line 15): must be an integer count >= 1, found 0
      seeds      | seeds: 2.5                   | grid.seeds (line 15): must be an integer count >= 1, found 2.5
      noise      | nois: 0.25                   | task.nois (line 7): unknown field; expected one of alpha, beta, modes, noise, test_samples, type
      modes      | modes: 0                     | task.modes (line 8): must be a positive integer, found 0
      features   | features: quadratic          | features (line 10): unknown feature map 'quadratic'; expected linear, relu or rff
      type       | type: cifar                  | task.type (line 4): unknown task type 'cifar'; expected powerlaw or dataset
      name       | name: my job                 | name (line 1): must be letters, digits, '.', '_' or '-', found 'my job'
      """)
  void badValuesNameTheFieldTheValueAndTheLine(String key, String line, String message) {
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.parse(Specs.smallWith(key, line), "t"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void missingFieldsAreNamed() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(Specs.small().replace("  noise: 0.25\n", ""), "t"));
    assertEquals("task.noise (line 4): missing required field", e.getMessage());
    e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(Specs.small().replace("seed: 7\n", ""), "t"));
    assertEquals("seed (line 1): missing required field", e.getMessage());
  }

  @Test
  void leaveOneOutIsOnByDefaultAndCanBeSwitchedOffWhichChangesTheHash() {
    JobSpec plain = SpecLoader.parse(Specs.small(), "a");
    JobSpec off = SpecLoader.parse(Specs.small() + "fit: {loo: false}\n", "b");
    JobSpec on = SpecLoader.parse(Specs.small() + "fit:\n  loo: true\n", "c");
    assertTrue(plain.fit().leaveOneOut());
    assertEquals(false, off.fit().leaveOneOut());
    assertEquals(SpecFingerprint.compatibilityHash(plain), SpecFingerprint.compatibilityHash(on));
    assertNotEquals(
        SpecFingerprint.compatibilityHash(plain), SpecFingerprint.compatibilityHash(off));
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(Specs.small() + "fit: {loo: sometimes}\n", "t"));
    assertEquals("fit.loo (line 16): must be true or false, found 'sometimes'", e.getMessage());
    e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(Specs.small() + "fit: {gcv: false}\n", "t"));
    assertEquals("fit.gcv (line 16): unknown field; expected one of loo", e.getMessage());
  }

  @Test
  void unknownTopLevelFieldIsNamed() {
    SpecException e =
        assertThrows(
            SpecException.class, () -> SpecLoader.parse(Specs.small() + "extra: 1\n", "t"));
    assertEquals(
        "extra (line 16): unknown field; expected one of features, fit, grid, name, points, report, seed, task",
        e.getMessage());
  }

  @Test
  void malformedYamlGivesTheLine() {
    String broken = Specs.small().replace("  alpha: 1.5", "  alpha: [1.5");
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.parse(broken, "broken.yaml"));
    assertTrue(e.getMessage().startsWith("broken.yaml: malformed YAML at line 6"), e.getMessage());
  }

  @Test
  void duplicateKeysAreRefused() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    Specs.small().replace("  beta: 1.3\n", "  beta: 1.3\n  beta: 2\n"),
                    "dup.yaml"));
    assertEquals("task.beta (line 7): given twice (first at line 6)", e.getMessage());
  }

  @Test
  void emptySpecIsRefused() {
    assertEquals(
        "e.yaml: the spec is empty",
        assertThrows(SpecException.class, () -> SpecLoader.parse("", "e.yaml")).getMessage());
  }
}
