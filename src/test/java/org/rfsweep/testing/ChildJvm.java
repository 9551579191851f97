package org.rfsweep.testing;

import java.util.List;

/** What a JVM started by a test needs to run Spark on Java 17 from the tests' class path. */
public final class ChildJvm {
  private ChildJvm() {}

  /** The java executable running these tests. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * The tests' full class path (surefire's own property; the JVM's class path is only its booter
   * jar).
   */
  public static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * The flags Spark needs on Java 17: the pom's {@code java17.flags}, which surefire passes to the
   * tests.
   */
  public static List<String> sparkFlags() {
    String flags = System.getProperty("rfsweep.java17.flags");
    if (flags == null || flags.isBlank()) {
      throw new IllegalStateException(
          "rfsweep.java17.flags is not set: run the tests through Maven (pom.xml)");
    }
    return List.of(flags.trim().split("\\s+"));
  }
}
