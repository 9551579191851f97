package org.rfsweep.aggregate;

import org.rfsweep.io.RecordColumns;

/** One fit's test risk, as the bootstrap over seeds resamples it. */
public record SeedRisk(
    double width, int samples, double ridge, int seed, double testMse, double trainMse) {
  static final RecordColumns<SeedRisk> COLUMNS = RecordColumns.of(SeedRisk.class);
}
