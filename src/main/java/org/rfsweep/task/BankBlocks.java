package org.rfsweep.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.rfsweep.grid.RiskProducts;

/**
 * How the products u_c = W[:, :N_c] b_c of several cells (each b_c an N_c x columns block) through
 * one bank W are cut so that cells of different widths share them: the bank's columns in fixed
 * blocks of {@link #BLOCK}, every cell wide enough for a whole block stacked into one product per
 * block, the cells that end inside a block in one product per width for their remainder. A cell's
 * columns see the same sequence of products (the same inner lengths, in the same order) alone as
 * beside any others, so OpenBLAS, which rounds a product's entries alike in any column of an even
 * column count, gives it the same bits either way.
 *
 * <p>Why: a product with one cell's few columns reads the whole of W[:, :N_c] to use each entry a
 * few dozen times, and runs at about half of dgemm's speed; stacked, a block of the bank serves
 * every cell that reaches it (Fig. 1's width sweep: 0.80 s a seed against 1.25 s, two threads side
 * by side).
 */
final class BankBlocks {
  static final int BLOCK = RiskProducts.BANK_BLOCK;

  /** One product: bank columns {@code block * BLOCK ..} of length {@code inner}. */
  record Product(int block, int inner, int firstColumn, int columns, int stagedOffset) {}

  private final int[] order;
  private final int[] widths;
  private final int stride;
  private final List<Product> products = new ArrayList<>();
  private final int stagedLength;

  /**
   * @param widths each cell's width N_c
   * @param stride the columns of each cell's block (even, so every product has an even count)
   */
  BankBlocks(int[] widths, int stride) {
    this.widths = widths;
    this.stride = stride;
    // Widest first, so the cells reaching any block are a prefix of the columns.
    this.order =
        IntStream.range(0, widths.length)
            .boxed()
            .sorted((a, b) -> Integer.compare(widths[b], widths[a]))
            .mapToInt(Integer::intValue)
            .toArray();
    int staged = 0;
    int widest = widths.length == 0 ? 0 : widths[order[0]];
    for (int block = 0; block * BLOCK < widest; block++) {
      int start = block * BLOCK;
      int whole = 0;
      while (whole < order.length && widths[order[whole]] >= start + BLOCK) {
        whole++;
      }
      if (whole > 0) {
        products.add(new Product(block, BLOCK, 0, whole * stride, staged));
        staged += BLOCK * whole * stride;
      }
      for (int from = whole, to; from < order.length && widths[order[from]] > start; from = to) {
        to = from + 1;
        while (to < order.length && widths[order[to]] == widths[order[from]]) {
          to++;
        }
        int inner = widths[order[from]] - start;
        products.add(new Product(block, inner, from * stride, (to - from) * stride, staged));
        staged += inner * (to - from) * stride;
      }
    }
    this.stagedLength = staged;
  }

  /** The products, block by block in bank order. */
  List<Product> products() {
    return products;
  }

  /** Columns of all cells, {@code cells * stride}. */
  int columns() {
    return order.length * stride;
  }

  /** Doubles {@link #stage} writes. */
  int stagedLength() {
    return stagedLength;
  }

  /** The cell whose block is at column position {@code position} (cells widest first). */
  int cellAt(int position) {
    return order[position];
  }

  /**
   * Writes each product's right-hand side into {@code staged}: for each cell its rows of the block,
   * its coefficients times {@code scales[cell]}, padded with zero columns to the stride.
   *
   * @param coefficients the cells' N_c x {@code used} blocks one after another (leading dimension
   *     N_c)
   * @param used the columns of each block that hold values (at most the stride)
   */
  void stage(double[] coefficients, int used, double[] scales, double[] staged) {
    int[] offsets = new int[widths.length];
    for (int c = 1; c < widths.length; c++) {
      offsets[c] = offsets[c - 1] + widths[c - 1] * used;
    }
    for (Product product : products) {
      int start = product.block() * BLOCK;
      int inner = product.inner();
      for (int position = product.firstColumn() / stride;
          position < (product.firstColumn() + product.columns()) / stride;
          position++) {
        int cell = order[position];
        double scale = scales[cell];
        int into = product.stagedOffset() + (position * stride - product.firstColumn()) * inner;
        for (int r = 0; r < used; r++) {
          int from = offsets[cell] + r * widths[cell] + start;
          int to = into + r * inner;
          for (int i = 0; i < inner; i++) {
            staged[to + i] = scale * coefficients[from + i];
          }
        }
        Arrays.fill(staged, into + used * inner, into + stride * inner, 0.0);
      }
    }
  }
}
