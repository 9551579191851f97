package org.rfsweep.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Damage as a disk or a copy does it: bytes changed inside one column's pages of a part file. */
public final class ParquetDamage {
  private ParquetDamage() {}

  /**
   * Flips 16 bytes in the middle of {@code column}'s chunk in the first row group of {@code part},
   * and removes the part's Hadoop .crc file beside it, as a copy without them would.
   */
  public static void garble(Path part, String column) throws IOException {
    Files.deleteIfExists(part.resolveSibling("." + part.getFileName() + ".crc"));
    long middle;
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(part.toUri()), new Configuration(false)))) {
      ColumnChunkMetaData chunk =
          reader.getFooter().getBlocks().get(0).getColumns().stream()
              .filter(c -> c.getPath().toDotString().equals(column))
              .findFirst()
              .orElseThrow();
      middle = chunk.getStartingPos() + chunk.getTotalSize() / 2;
    }
    byte[] bytes = Files.readAllBytes(part);
    for (int i = 0; i < 16; i++) {
      bytes[(int) middle + i] ^= (byte) 0x5a;
    }
    Files.write(part, bytes);
  }
}
