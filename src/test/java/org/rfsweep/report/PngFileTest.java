package org.rfsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report's PNG writer, read back by the JDK's own PNG reader: every pixel as drawn. */
class PngFileTest {
  private static BufferedImage drawn(int type, boolean translucent) {
    BufferedImage image = new BufferedImage(301, 157, type);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 301, 157);
    g.setColor(new Color(0x1f77b4));
    g.setStroke(new BasicStroke(2.5f));
    g.drawLine(3, 150, 290, 7); // anti-aliased: many shades
    g.setColor(Color.BLACK);
    g.drawString("risk 0.1", 20, 30);
    if (translucent) {
      g.setComposite(java.awt.AlphaComposite.Src);
      g.setColor(new Color(255, 0, 0, 90));
      g.fillRect(100, 40, 50, 20);
      g.setColor(new Color(0, 0, 0, 0));
      g.fillRect(0, 0, 5, 5);
    }
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      image.setRGB(random.nextInt(301), 60 + random.nextInt(20), 0xff000000 | random.nextInt());
    }
    g.dispose();
    return image;
  }

  private static BufferedImage roundTrip(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PngFile.write(image, bytes);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(image.getWidth(), read.getWidth());
    assertEquals(image.getHeight(), read.getHeight());
    return read;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void opaqueChartsAreWrittenAsRgbWithEveryPixelAsDrawn() throws IOException {
    for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage image = drawn(type, false);
      BufferedImage read = roundTrip(image);
      assertArrayEquals(pixels(image), pixels(read), "image type " + type);
      assertTrue(!read.getColorModel().hasAlpha(), "no alpha channel when every pixel is opaque");
    }
  }

  @Test
  void translucentPixelsKeepTheirAlpha() throws IOException {
    BufferedImage image = drawn(BufferedImage.TYPE_INT_ARGB, true);
    BufferedImage read = roundTrip(image);
    assertTrue(read.getColorModel().hasAlpha());
    assertArrayEquals(pixels(image), pixels(read));
    assertEquals(0, read.getRGB(1, 1) >>> 24);
    assertEquals(90, read.getRGB(120, 50) >>> 24);
  }

  @Test
  void imagesStoredOtherwiseAreReadThroughTheirColourModel() throws IOException {
    BufferedImage image = drawn(BufferedImage.TYPE_3BYTE_BGR, false);
    assertArrayEquals(pixels(image), pixels(roundTrip(image)));
  }
}
