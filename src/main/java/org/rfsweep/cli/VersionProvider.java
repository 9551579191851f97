package org.rfsweep.cli;

import org.rfsweep.io.BuildInfo;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"rfsweep " + BuildInfo.codeVersion()};
  }
}
