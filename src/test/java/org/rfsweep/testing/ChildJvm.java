package org.rfsweep.testing;

import java.util.ArrayList;
import java.util.List;

/** What a JVM started by a test needs to run Spark on Java 17 from the tests' class path. */
public final class ChildJvm {
  private ChildJvm() {}

  /** The java executable running these tests. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The tests' full class path (surefire's own property; the JVM's class path is only its booter jar). */
  public static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The flags Spark's own build uses on Java 17 (STACK.md). */
  public static List<String> sparkFlags() {
    List<String> flags = new ArrayList<>(List.of("-XX:+IgnoreUnrecognizedVMOptions",
        "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true"));
    for (String pkg : new String[] {"java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net",
        "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
        "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar"}) {
      flags.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    return flags;
  }
}
