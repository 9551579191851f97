package org.rfsweep.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rfsweep.io.RunLabel;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.TaskPoint;
import org.rfsweep.theory.Spectrum;

/**
 * Everything a run knows about itself, built once by the driver and passed to what needs it: the
 * resolved spec and its hashes, the label its rows carry, the code version, the driver's BLAS
 * backend, and the measured spectra of dataset pools once known. Immutable: {@link #withSpectrum}
 * returns a new context. {@link #at} narrows it to one task point, which is what the theory and the
 * per-point tables take.
 *
 * @param spec the resolved job spec (all its task points)
 * @param specHash {@link SpecFingerprint#hash} of the whole job
 * @param compatibilityHash {@link SpecFingerprint#compatibilityHash}: specs with the same one
 *     extend each other
 * @param codeVersion the code that computes this run's rows (provenance)
 * @param resultsVersion the version of the numbers ({@link ResultsVersion}), part of every cell key
 * @param blasBackend the driver's BLAS/LAPACK backend label
 * @param pools measured pool spectra by task key (points of dataset tasks; absent until measured)
 */
public record RunContext(
    JobSpec spec,
    String specHash,
    String compatibilityHash,
    String codeVersion,
    String resultsVersion,
    String blasBackend,
    Map<String, PoolSpectrum> pools) {

  public RunContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(compatibilityHash, "compatibilityHash");
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(resultsVersion, "resultsVersion");
    Objects.requireNonNull(blasBackend, "blasBackend");
    pools = pools == null ? Map.of() : Map.copyOf(pools);
  }

  /** The context of a spec before any spectrum is known: the hashes are computed here, once. */
  public static RunContext of(JobSpec spec, String codeVersion, String blasBackend) {
    return new RunContext(
        spec,
        SpecFingerprint.hash(spec),
        SpecFingerprint.compatibilityHash(spec),
        codeVersion,
        ResultsVersion.CURRENT,
        blasBackend,
        Map.of());
  }

  public List<TaskPoint> points() {
    return spec.points();
  }

  /**
   * This run at one task point: that point's spec and spectrum, the job's label and hashes (its
   * rows belong to the job).
   */
  public RunContext at(TaskPoint point) {
    PoolSpectrum pool = pools.get(point.key());
    return new RunContext(
        spec.hasTaskAxes() ? spec.at(point) : spec,
        specHash,
        compatibilityHash,
        codeVersion,
        resultsVersion,
        blasBackend,
        pool == null ? Map.of() : Map.of(point.key(), pool));
  }

  /** This run at each of its task points, in order. */
  public List<RunContext> perPoint() {
    return spec.points().stream().map(this::at).toList();
  }

  /** This context with a point's measured pool spectrum. */
  public RunContext withSpectrum(TaskPoint point, PoolSpectrum measured) {
    Map<String, PoolSpectrum> next = new LinkedHashMap<>(pools);
    next.put(point.key(), measured);
    return new RunContext(
        spec, specHash, compatibilityHash, codeVersion, resultsVersion, blasBackend, next);
  }

  /** The only point's measured spectrum (a context of one task point). */
  public Optional<PoolSpectrum> measuredPool() {
    return Optional.ofNullable(pools.get(point().key()));
  }

  /** The columns every results table of this run starts with. */
  public RunLabel label() {
    return new RunLabel(spec.name(), specHash);
  }

  /** What each {@code fits} row of the only task point carries besides its fit. */
  public RowStamp stamp() {
    return stamp(point());
  }

  /** What each {@code fits} row of a task point carries besides its fit. */
  public RowStamp stamp(TaskPoint point) {
    return new RowStamp(
        label(),
        JobColumns.of(point),
        SpecFingerprint.pointHash(spec, point),
        codeVersion,
        resultsVersion);
  }

  /** Every task point's stamp, by point index. */
  public List<RowStamp> stamps() {
    return spec.points().stream().map(this::stamp).toList();
  }

  /** The task-point columns of the only point. */
  public JobColumns columns() {
    return JobColumns.of(point());
  }

  /** The spectrum the eigenframework uses for the only point's task, if known. */
  public Optional<Spectrum> theorySpectrum() {
    return TaskTheory.spectrum(spec, measuredPool().map(PoolSpectrum::spectrum).orElse(null));
  }

  /** The label noise the theory adds for the only point ({@link TaskTheory#noise}). */
  public double theoryNoise() {
    return TaskTheory.noise(spec, measuredPool().map(PoolSpectrum::spectrum).orElse(null));
  }

  private TaskPoint point() {
    if (spec.hasTaskAxes()) {
      throw new IllegalStateException(
          "job " + spec.name() + " has task axes; narrow the context with at(point)");
    }
    return spec.points().get(0);
  }
}
