package org.rfsweep.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * HDFS (one NameNode, one DataNode) and YARN (a ResourceManager and NodeManagers) in this JVM, the
 * way Spark's own YARN suite runs them, with their configuration written as a HADOOP_CONF_DIR for
 * child processes (spark-submit, the driver) to find them.
 */
public final class MiniHadoop implements AutoCloseable {
  private final MiniDFSCluster hdfs;
  private final MiniYARNCluster yarn;
  private final Path confDir;

  private MiniHadoop(MiniDFSCluster hdfs, MiniYARNCluster yarn, Path confDir) {
    this.hdfs = hdfs;
    this.yarn = yarn;
    this.confDir = confDir;
  }

  /**
   * Starts both under {@code dir}.
   *
   * @param nodeManagers NodeManagers, each offering {@code nodeMemoryMb} of memory and {@code
   *     nodeCores} cores
   */
  public static MiniHadoop start(Path dir, int nodeManagers, int nodeMemoryMb, int nodeCores)
      throws IOException, InterruptedException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    conf.set("dfs.permissions.enabled", "false");
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();

    YarnConfiguration yarnConf = new YarnConfiguration(hdfs.getConfiguration(0));
    yarnConf.set("fs.defaultFS", hdfs.getURI().toString());
    // A test machine's disk is often over YARN's 90% "unhealthy" mark: NodeManagers would then
    // refuse every container and the application would wait for ever.
    yarnConf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
    yarnConf.setInt(YarnConfiguration.NM_PMEM_MB, nodeMemoryMb);
    yarnConf.setInt(YarnConfiguration.NM_VCORES, nodeCores);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, nodeMemoryMb);
    yarnConf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    yarnConf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    // The capacity scheduler wants a queue file; one queue, first come first served, is all a test
    // needs.
    yarnConf.set(
        YarnConfiguration.RM_SCHEDULER,
        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
    yarnConf.set("yarn.resourcemanager.hostname", "127.0.0.1");
    yarnConf.set("yarn.nodemanager.hostname", "127.0.0.1");
    MiniYARNCluster yarn = new MiniYARNCluster("rfsweep", nodeManagers, 1, 1);
    yarn.init(yarnConf);
    yarn.start();
    // The ResourceManager binds its ports as it starts; its address is known once they are bound.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (unbound(yarn.getConfig(), YarnConfiguration.RM_ADDRESS)
        || unbound(yarn.getConfig(), YarnConfiguration.RM_SCHEDULER_ADDRESS)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the ResourceManager did not bind its port");
      }
      Thread.sleep(100);
    }
    // What a cluster's configuration tells its clients: the file system and the ResourceManager's
    // addresses. Not the minicluster's whole configuration, which names test-only classes (a static
    // rack mapping) that a client's class path does not have.
    Configuration client = new Configuration(false);
    client.set("fs.defaultFS", hdfs.getURI().toString());
    for (var entry : yarn.getConfig()) {
      if (entry.getKey().startsWith("yarn.resourcemanager.")) {
        client.set(entry.getKey(), entry.getValue());
      }
    }
    Path confDir = Files.createDirectories(dir.resolve("hadoop-conf"));
    try (OutputStream out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
      client.writeXml(out);
    }
    try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
      client.writeXml(out);
    }
    return new MiniHadoop(hdfs, yarn, confDir);
  }

  /**
   * Whether an address is not yet the bound port: the ResourceManager's services update theirs one
   * by one as they start, and an application master given the default scheduler address never
   * registers.
   */
  private static boolean unbound(Configuration conf, String key) {
    String address = conf.get(key, "");
    return address.isEmpty() || address.endsWith(":0") || address.startsWith("0.0.0.0");
  }

  /** The folder to give child processes as HADOOP_CONF_DIR (and YARN_CONF_DIR). */
  public Path confDir() {
    return confDir;
  }

  /** hdfs://127.0.0.1:PORT of the NameNode. */
  public String hdfsUri() {
    return hdfs.getURI().toString();
  }

  public FileSystem fileSystem() throws IOException {
    return hdfs.getFileSystem();
  }

  public MiniYARNCluster yarn() {
    return yarn;
  }

  @Override
  public void close() {
    yarn.stop();
    hdfs.shutdown();
  }
}
