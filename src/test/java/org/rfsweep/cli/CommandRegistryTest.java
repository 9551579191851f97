package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Cli;

/**
 * A command line registers the one command it names (picocli introspects each registered command at
 * start), and every command wherever any may be needed: help, no command, a misspelt one.
 */
class CommandRegistryTest {
  private static final List<String> ALL =
      List.of("run", "plan", "show", "export", "theory", "report", "bench", "spectrum", "help");

  @Test
  void aNamedCommandIsRegisteredAlone() {
    for (String name : ALL.subList(0, ALL.size() - 1)) {
      assertEquals(
          List.of(name), List.copyOf(Main.commandLine(name).getSubcommands().keySet()), name);
    }
  }

  @Test
  void helpNoCommandAndUnknownWordsSeeEveryCommand() {
    for (String first : new String[] {"help", "", "--help", "-V", "repotr"}) {
      assertEquals(ALL, List.copyOf(Main.commandLine(first).getSubcommands().keySet()), first);
    }
    Cli.Outcome usage = Cli.execute("--help");
    assertEquals(0, usage.code());
    for (String name : ALL) {
      assertTrue(usage.out().contains("\n  " + name + " "), "--help lists " + name);
    }
    Cli.Outcome help = Cli.execute("help", "report");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: rfsweep report"), help.out());
    Cli.Outcome typo = Cli.execute("repotr");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("Did you mean: rfsweep report"), typo.err());
  }

  @Test
  void aCommandsOwnHelpNamesTheProgram() {
    Cli.Outcome help = Cli.execute("plan", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("Usage: rfsweep plan"), help.out());
  }
}
