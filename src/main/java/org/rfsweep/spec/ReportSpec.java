package org.rfsweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The report's choices a spec may make ({@code report:} section): the fixed values its risk figures
 * are drawn at. Empty lists leave the choice to the report (slices spread over the grid). Not part
 * of any result: changing it changes no row or key.
 *
 * @param widthsAt sample counts at which to draw risk against width
 * @param samplesAt widths at which to draw risk against samples
 */
public record ReportSpec(List<Integer> widthsAt, List<Integer> samplesAt) implements Serializable {
  public static final ReportSpec AUTOMATIC = new ReportSpec(List.of(), List.of());

  public ReportSpec {
    widthsAt = List.copyOf(widthsAt);
    samplesAt = List.copyOf(samplesAt);
  }

  public boolean automatic() {
    return widthsAt.isEmpty() && samplesAt.isEmpty();
  }
}
