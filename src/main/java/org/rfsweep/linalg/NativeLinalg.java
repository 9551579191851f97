package org.rfsweep.linalg;

import static org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_VERSION;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.io.File;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.Loader;

/**
 * Chooses the BLAS/LAPACK backend once per JVM (driver or executor), checks what actually loaded,
 * and hands out the instances.
 *
 * <p>The default route ({@code bundled}) loads the OpenBLAS shipped inside the application's jars
 * through JavaCPP and points netlib's JNI binding at that library, so no cluster node needs a
 * system package. The {@code system} route leaves netlib to dlopen the machine's {@code
 * libblas.so.3}/{@code liblapack.so.3} (OpenBLAS, MKL, ...). The route comes from the system
 * property {@value #ROUTE_PROPERTY} or the environment variable {@value #ROUTE_ENV}.
 *
 * <p>Netlib falls back to a pure-Java BLAS with only a log warning; {@link BlasBackend#isNative()}
 * tells the caller, which decides whether that is acceptable.
 */
public final class NativeLinalg {
  public static final String ROUTE_PROPERTY = "rfsweep.blas";
  public static final String ROUTE_ENV = "RFSWEEP_BLAS";
  private static final String BLAS_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
  private static final String LAPACK_PATH_PROPERTY = "dev.ludovic.netlib.lapack.nativeLibPath";

  private static BlasBackend backend;
  private static int threadsSet = -1;

  private NativeLinalg() {}

  /**
   * Loads the backend if this JVM has not yet, and sets the BLAS thread count.
   *
   * @param threads BLAS threads per call; should equal the cores one Spark task holds ({@code
   *     spark.task.cpus})
   * @return the backend in use
   */
  public static synchronized BlasBackend initialise(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("BLAS threads must be >= 1, found " + threads);
    }
    if (backend == null) {
      backend = load(threads);
    }
    if (threadsSet != threads) {
      setThreads(backend.route(), threads);
      threadsSet = threads;
      backend =
          new BlasBackend(
              backend.route(),
              backend.blasClass(),
              backend.lapackClass(),
              backend.library(),
              threads);
    }
    return backend;
  }

  /**
   * Starts loading the backend on a daemon thread, so that a command reads its spec and plans
   * meanwhile: JavaCPP's and netlib's loading of the bundled OpenBLAS took 0.26 s of the
   * quickstart's start here, on one core while the other idled. It sets no thread count: {@link
   * #initialise} waits for the load (both hold this class's lock) and sets the threads it is asked
   * for, whichever of the two runs first. A failure is left for {@link #initialise} to meet again,
   * and report.
   *
   * @return the loading thread (nothing needs to wait for it)
   */
  public static Thread loadInBackground() {
    Thread thread =
        new Thread(
            () -> {
              try {
                synchronized (NativeLinalg.class) {
                  if (backend == null) {
                    backend = load(1);
                  }
                }
              } catch (RuntimeException | LinkageError e) {
                // initialise, called by the command itself, fails the same way and says why
              }
            },
            "rfsweep-blas-load");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The backend, loading it with one thread per call if nothing has chosen yet. */
  public static synchronized BlasBackend backend() {
    return backend != null ? backend : initialise(1);
  }

  public static BLAS blas() {
    backend();
    return BLAS.getInstance();
  }

  public static LAPACK lapack() {
    backend();
    return LAPACK.getInstance();
  }

  private static String route() {
    String route = System.getProperty(ROUTE_PROPERTY, System.getenv(ROUTE_ENV));
    route = route == null || route.isBlank() ? "bundled" : route.trim().toLowerCase(Locale.ROOT);
    if (!route.equals("bundled") && !route.equals("system")) {
      throw new IllegalArgumentException(
          ROUTE_PROPERTY
              + " / "
              + ROUTE_ENV
              + ": must be 'bundled' or 'system', found '"
              + route
              + "'");
    }
    return route;
  }

  private static BlasBackend load(int threads) {
    String route = route();
    String library = "libblas.so.3";
    if (route.equals("bundled")) {
      library = pointNetlibAtBundledOpenBlas();
    }
    // netlib logs the fall-back to Java at WARNING through java.util.logging; the caller reports it
    // instead.
    Logger.getLogger("dev.ludovic.netlib").setLevel(Level.SEVERE);
    String blasClass = BLAS.getInstance().getClass().getName();
    String lapackClass = LAPACK.getInstance().getClass().getName();
    return new BlasBackend(route, blasClass, lapackClass, library, threads);
  }

  /** Extracts the bundled OpenBLAS (JavaCPP caches it once per machine) and returns its label. */
  private static String pointNetlibAtBundledOpenBlas() {
    if (System.getProperty(BLAS_PATH_PROPERTY) == null) {
      // Only the "nolapack" preset is loaded: its library file is byte-identical to the full one
      // (LAPACK included),
      // and it is the copy JavaCPP's thread setter acts on. Loading both would put two OpenBLAS
      // instances, with
      // two thread pools, in one process.
      String jniPath = Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
      File openblas = new File(new File(jniPath).getParentFile(), "libopenblas_nolapack.so.0");
      if (!openblas.isFile()) {
        throw new IllegalStateException(
            "bundled OpenBLAS: " + openblas + " was not extracted by JavaCPP");
      }
      System.setProperty(BLAS_PATH_PROPERTY, openblas.getAbsolutePath());
      System.setProperty(LAPACK_PATH_PROPERTY, openblas.getAbsolutePath());
    }
    String version = OPENBLAS_VERSION.trim();
    return "openblas-" + version.replaceFirst("(?i)^openblas\\s*", "");
  }

  private static void setThreads(String route, int threads) {
    if (route.equals("bundled")) {
      // The JNI stub dlopens the very file JavaCPP loaded, so this sets the threads netlib's calls
      // use.
      org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(threads);
    }
    // The system route reads OPENBLAS_NUM_THREADS / MKL_NUM_THREADS from the environment at load
    // time.
  }
}
