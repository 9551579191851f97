package org.rfsweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Specs;

/** The spec's report section: slices named by the user, checked, and part of no result key. */
class ReportSpecTest {

  @Test
  void namedSlicesAreReadCheckedAndLeaveEveryKeyAlone() throws Exception {
    String text = Specs.small() + "report:\n  widths_at: [24, 16]\n  samples_at: 48\n";
    JobSpec named = SpecLoader.parse(text, "named.yaml");
    assertEquals(List.of(16, 24), named.report().widthsAt());
    assertEquals(List.of(48), named.report().samplesAt());
    JobSpec plain = SpecLoader.parse(Specs.small(), "plain.yaml");
    assertTrue(plain.report().automatic());
    assertEquals(
        SpecFingerprint.compatibilityHash(plain), SpecFingerprint.compatibilityHash(named));
    assertEquals(
        SpecFingerprint.pointHash(plain, plain.points().get(0)),
        SpecFingerprint.pointHash(named, named.points().get(0)),
        "the report's slices change no cell key");
    String json = new ObjectMapper().writeValueAsString(SpecFingerprint.resolved(named));
    assertEquals(named.report(), SpecLoader.parse(json, "manifest.json").report());

    SpecException bad =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(Specs.small() + "report: {widths_at: [20]}\n", "bad.yaml"));
    assertTrue(
        bad.getMessage().contains("20 is not a sample count of the grid [16, 24, 40]"),
        bad.getMessage());
  }
}
