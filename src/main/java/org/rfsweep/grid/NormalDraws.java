package org.rfsweep.grid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standard-normal draws shared by the task points of one seed. Points that differ only in alpha,
 * beta or noise draw the same normals (their streams never depend on the point); a Spark task that
 * fits several such points of a seed keeps each block of draws once and hands the same numbers to
 * every point, so the results are bit for bit those of drawing again. Blocks are kept up to a byte
 * cap, least recently used first out. Not thread-safe: one per Spark task.
 */
public final class NormalDraws {
  private record Key(
      long jobSeed, int seedIndex, String stream, long from, int count, int perItem) {}

  private final long capBytes;
  private final Map<Key, double[]> blocks = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;
  private long hits;

  /** A cache holding at most {@code capBytes} of draws. */
  public NormalDraws(long capBytes) {
    this.capBytes = capBytes;
  }

  /**
   * The draws of items {@code from .. from+count-1} of a stream: item j's {@code perItem} normals,
   * in the order its own generator ({@link RandomStreams#generator}) yields them, at {@code [(j -
   * from) * perItem ..]}. Read only: the array may be shared.
   */
  public double[] block(
      long jobSeed, int seedIndex, String stream, long from, int count, int perItem) {
    Key key = new Key(jobSeed, seedIndex, stream, from, count, perItem);
    double[] block = blocks.get(key);
    if (block != null) {
      hits++;
      return block;
    }
    block = draw(jobSeed, seedIndex, stream, from, count, perItem);
    long size = 8L * block.length;
    if (size <= capBytes) {
      blocks.put(key, block);
      bytes += size;
      var oldest = blocks.entrySet().iterator();
      while (bytes > capBytes && oldest.hasNext()) {
        bytes -= 8L * oldest.next().getValue().length;
        oldest.remove();
      }
    }
    return block;
  }

  /** Blocks served from the cache (the rest were drawn). */
  public long hits() {
    return hits;
  }

  private static double[] draw(
      long jobSeed, int seedIndex, String stream, long from, int count, int perItem) {
    double[] out = new double[Math.multiplyExact(count, perItem)];
    for (int j = 0; j < count; j++) {
      fill(jobSeed, seedIndex, stream, from + j, perItem, out, j * perItem);
    }
    return out;
  }

  /**
   * Item {@code index}'s first {@code perItem} standard normals, from its own generator, into
   * {@code out[at ..]}: what every consumer of a stream's normals draws, cached or not.
   */
  public static void fill(
      long jobSeed, int seedIndex, String stream, long index, int perItem, double[] out, int at) {
    SplittableNormals.fill(RandomStreams.seed(jobSeed, seedIndex, stream, index), out, at, perItem);
  }
}
