package org.rfsweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Specs;

/** Task axes: expansion, explicit points, validation, and the resolved spec read back. */
class TaskAxesTest {

  private static JobSpec parse(String text) {
    return SpecLoader.parse(text, "axes.yaml");
  }

  @Test
  void listsAndLogspacesInTaskAndFeaturesExpandToTheirProductInSpecOrder() {
    JobSpec job =
        parse(
            Specs.smallWith("alpha", "alpha: [2.0, 1.5]")
                .replace("beta: 1.3", "beta: {logspace: {from: 1, to: 100, count: 3}}")
                .replace("features: linear", "features: [linear, relu]"));
    assertEquals(2 * 3 * 2, job.points().size());
    assertTrue(job.hasTaskAxes());
    // Numeric axes sorted as grid axes are; the last axis varies fastest.
    TaskPoint first = job.points().get(0);
    assertEquals(
        Map.of("task.alpha", "1.5", "task.beta", "1", "features", "linear"), first.coordinates());
    assertEquals(
        List.of("task.alpha", "task.beta", "features"), List.copyOf(first.coordinates().keySet()));
    assertEquals("relu", job.points().get(1).coordinates().get("features"));
    assertEquals("10", job.points().get(2).coordinates().get("task.beta"));
    PowerLawTaskSpec last = (PowerLawTaskSpec) job.points().get(11).task();
    assertEquals(2.0, last.alpha());
    assertEquals(100.0, last.beta(), 1e-12);
    assertEquals(0.25, last.noise(), "fields without an axis keep their value");
    assertEquals(
        "powerlaw(alpha=2,beta=100,noise=0.25,modes=300)/relu", job.points().get(11).key());
  }

  @Test
  void aJobWithoutAxesHasOnePointAndKeepsItsHashes() {
    JobSpec job = parse(Specs.small());
    assertFalse(job.hasTaskAxes());
    assertEquals(1, job.points().size());
    assertTrue(job.points().get(0).coordinates().isEmpty());
    // The per-point hash of a job of one point is the hash rfsweep always keyed cells by, so
    // older folders resume: the resolved spec without the grid's cells.
    assertEquals(
        SpecFingerprint.pointHash(job, job.points().get(0)),
        SpecFingerprint.pointHash(job.at(job.points().get(0)), job.points().get(0)));
  }

  @Test
  void rffLengthsAreAnAxisInsideAFeatureList() {
    JobSpec job =
        parse(
            Specs.small()
                .replace("features: linear", "features: [relu, {type: rff, length: [1, 4]}]"));
    assertEquals(
        List.of("relu", "rff(length=1)", "rff(length=4)"),
        job.points().stream().map(p -> p.coordinates().get("features")).toList());
    assertEquals(4.0, job.points().get(2).features().length());
  }

  @Test
  void explicitPointsZipFieldsAndCrossWithAxesLeftInTheTask() {
    JobSpec job =
        parse(
            Specs.smallWith("noise", "noise: [0, 0.5]")
                + "points:\n"
                + "  - {task.alpha: 1.5, task.beta: 1.2}\n"
                + "  - {task.alpha: 2.5, task.beta: 3.0}\n");
    assertEquals(4, job.points().size());
    List<String> keys = job.points().stream().map(TaskPoint::key).toList();
    assertEquals("powerlaw(alpha=1.5,beta=1.2,noise=0,modes=300)/linear", keys.get(0));
    assertEquals("powerlaw(alpha=1.5,beta=1.2,noise=0.5,modes=300)/linear", keys.get(1));
    assertEquals("powerlaw(alpha=2.5,beta=3,noise=0,modes=300)/linear", keys.get(2));
    assertEquals(
        Map.of("task.alpha", "1.5", "task.beta", "1.2", "task.noise", "0"),
        job.points().get(0).coordinates());
  }

  @Test
  void theResolvedSpecReadsBackToTheSamePointsAndHash() throws Exception {
    JobSpec job =
        parse(
            Specs.smallWith("alpha", "alpha: [1.5, 2.5]")
                .replace("features: linear", "features: [linear, {type: rff, length: 2}]"));
    String json = new ObjectMapper().writeValueAsString(SpecFingerprint.resolved(job));
    JobSpec again = SpecLoader.parse(json, "manifest.json");
    assertEquals(
        job.points().stream().map(TaskPoint::key).toList(),
        again.points().stream().map(TaskPoint::key).toList());
    assertEquals(SpecFingerprint.hash(job), SpecFingerprint.hash(again));
    assertEquals(SpecFingerprint.compatibilityHash(job), SpecFingerprint.compatibilityHash(again));
  }

  @Test
  void theJobLevelCompatibilityHashIgnoresTaskPointsButNotRidges() {
    JobSpec one = parse(Specs.small());
    JobSpec more = parse(Specs.smallWith("alpha", "alpha: [1.5, 2.0]"));
    JobSpec ridges = parse(Specs.smallWith("ridges", "ridges: [0, 1]"));
    assertEquals(SpecFingerprint.compatibilityHash(one), SpecFingerprint.compatibilityHash(more));
    assertFalse(
        SpecFingerprint.compatibilityHash(one).equals(SpecFingerprint.compatibilityHash(ridges)));
    // The shared point keeps its key: extending a folder by a point leaves its rows alone.
    assertEquals(
        SpecFingerprint.pointHash(one, one.points().get(0)),
        SpecFingerprint.pointHash(more, more.points().get(0)));
  }

  @Test
  void badAxisValuesAreRefusedNamingTheFieldAndLine() {
    SpecException alpha =
        assertThrows(
            SpecException.class, () -> parse(Specs.smallWith("alpha", "alpha: [1.5, 0.8]")));
    assertTrue(
        alpha.getMessage().startsWith("task.alpha (line 5): must be > 1"), alpha.getMessage());
    SpecException word =
        assertThrows(
            SpecException.class,
            () -> parse(Specs.small().replace("features: linear", "features: [linear, cosine]")));
    assertTrue(word.getMessage().contains("unknown feature map 'cosine'"), word.getMessage());
    SpecException twice =
        assertThrows(
            SpecException.class,
            () -> parse(Specs.small().replace("features: linear", "features: [relu, relu]")));
    assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
    SpecException empty =
        assertThrows(SpecException.class, () -> parse(Specs.smallWith("beta", "beta: []")));
    assertTrue(empty.getMessage().contains("must not be empty"), empty.getMessage());
    SpecException pointList =
        assertThrows(
            SpecException.class,
            () -> parse(Specs.small() + "points:\n  - {task.alpha: [1.5, 2]}\n"));
    assertTrue(pointList.getMessage().contains("one value per field"), pointList.getMessage());
    SpecException pointField =
        assertThrows(
            SpecException.class, () -> parse(Specs.small() + "points:\n  - {grid.seeds: 3}\n"));
    assertTrue(pointField.getMessage().contains("unknown field"), pointField.getMessage());
  }

  @Test
  void theNumberOfTaskPointsIsCapped() {
    String big =
        Specs.smallWith("alpha", "alpha: {logspace: {from: 1.1, to: 3, count: 200}}")
            .replace("beta: 1.3", "beta: {logspace: {from: 0.5, to: 3, count: 200}}");
    SpecException e = assertThrows(SpecException.class, () -> parse(big));
    assertTrue(e.getMessage().contains("at most " + JobSpec.MAX_TASK_POINTS), e.getMessage());
  }

  @Test
  void datasetTasksTakeTargetAndLabelNoiseAxes() {
    JobSpec job =
        parse(
            DatasetSpecsFixture.csvSpec(
                "target: [numeric, {binary: [1]}]\n  label_noise: [0, 0.25]"));
    assertEquals(4, job.points().size());
    assertEquals(
        List.of("numeric", "numeric", "binary[1]", "binary[1]"),
        job.points().stream().map(p -> p.coordinates().get("task.target")).toList());
    DatasetTaskSpec noisy = (DatasetTaskSpec) job.points().get(1).task();
    assertEquals(0.25, noisy.labelNoise());
    assertEquals("dataset(target=numeric,label_noise=0.25)/relu", job.points().get(1).key());
    SpecException negative =
        assertThrows(
            SpecException.class,
            () -> parse(DatasetSpecsFixture.csvSpec("target: numeric\n  label_noise: -0.1")));
    assertTrue(negative.getMessage().contains("task.label_noise"), negative.getMessage());
  }
}
