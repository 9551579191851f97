package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Cli;

/**
 * The README cannot drift from the command line: every cheap command in its code blocks runs as
 * shown, and its table of commands names exactly the options each command has.
 */
class ReadmeCommandsTest {
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
  private static final Set<String> CHEAP = Set.of("theory", "plan");

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }

  /** The commands in indented or fenced code blocks, continuation lines joined. */
  static List<String> codeBlockCommands(String readme) {
    List<String> commands = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      String line = lines[i];
      boolean code = fenced || line.startsWith("    ");
      if (!code || !line.trim().startsWith("./rfsweep ")) {
        continue;
      }
      StringBuilder command = new StringBuilder(line.trim());
      while (command.toString().endsWith("\\") && i + 1 < lines.length) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines[++i].trim());
      }
      commands.add(command.toString());
    }
    return commands;
  }

  @Test
  void everyCheapCommandInTheCodeBlocksRunsAsShown() throws Exception {
    List<String> commands = codeBlockCommands(readme());
    assertTrue(
        commands.stream().anyMatch(c -> c.startsWith("./rfsweep run ")), commands.toString());
    int ran = 0;
    for (String command : commands) {
      String[] words = command.substring("./rfsweep ".length()).trim().split("\\s+");
      if (!CHEAP.contains(words[0])) {
        continue;
      }
      Cli.Outcome outcome = Cli.execute(words);
      assertEquals(0, outcome.code(), command + "\n" + outcome.err());
      ran++;
    }
    assertTrue(ran >= 1, "no cheap command found in " + commands);
  }

  @Test
  void theCommandTableNamesExactlyTheOptionsOfEachCommand() throws Exception {
    String readme = readme();
    Matcher row = Pattern.compile("\\| `\\./rfsweep ([a-z]+) ([^`]*)` \\|").matcher(readme);
    int rows = 0;
    while (row.find()) {
      String command = row.group(1);
      Cli.Outcome help = Cli.execute(command, "--help");
      assertEquals(0, help.code(), command);
      assertEquals("", help.err(), command + " --help printed a warning");
      Set<String> cli = options(help.out());
      cli.removeAll(Set.of("--help", "--version"));
      // theory's flags are listed in its own section, the row says [flags].
      Set<String> documented = options(command.equals("theory") ? readme : row.group(2));
      if (!command.equals("theory")) {
        assertTrue(
            cli.containsAll(documented),
            command + ": the README names options the CLI lacks: " + minus(documented, cli));
      }
      assertTrue(
          documented.containsAll(cli),
          command + ": the README does not name: " + minus(cli, documented));
      rows++;
    }
    assertEquals(8, rows, "run, plan, show, report, bench, spectrum, theory and export");
    Cli.Outcome top = Cli.execute("--help");
    assertEquals("", top.err(), "rfsweep --help printed a warning");
  }

  private static Set<String> options(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = OPTION.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
