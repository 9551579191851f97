package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule simulation against hand-worked cases. */
class ScheduleTest {
  private static List<WorkUnit> units(int count, int width) {
    List<WorkUnit> out = new ArrayList<>();
    for (int seed = 0; seed < count; seed++) {
      out.add(new WorkUnit(seed, List.of(new Cell(width, 8))));
    }
    return out;
  }

  @Test
  void equalUnitsFillTheSlotsAndOneChunkWhenShort() {
    // 8 units of 10 s on 4 slots: one chunk (80 s / 4 < 120 s), 8 tasks, 20 s, fully busy.
    Schedule s = Schedule.simulate(units(8, 10), 4, u -> 10);
    assertEquals(1, s.chunks());
    assertEquals(20, s.makespanSeconds(), 1e-12);
    assertEquals(1.0, s.utilisation(), 1e-12);
    assertEquals(1.0, s.utilisationBound(), 1e-12);
  }

  @Test
  void moreSlotsThanUnitsLeaveSlotsIdleAndTheLargestUnitBoundsTheTime() {
    // 256 units of 900 s on 1000 slots: chunks of max(2000, 26) = all; 256 busy slots of 1000.
    Schedule s = Schedule.simulate(units(256, 10), 1000, u -> 900);
    assertEquals(900, s.makespanSeconds(), 1e-9);
    assertEquals(0.256, s.utilisation(), 1e-12);
    assertEquals(900, s.largestUnitSeconds(), 1e-12);
    // No schedule does better: the work is 256 slots' worth of the largest unit.
    assertEquals(0.256, s.utilisationBound(), 1e-12);
  }

  @Test
  void oneLongUnitAmongShortOnesBoundsTheUtilisationBelowOne() {
    // One unit of 100 s beside units of 10 s, on 4 slots. With 30 short ones the work is 400 s, a
    // slot's share 100 s: as long as the long unit, so nothing bounds the utilisation below 1. With
    // 20 the share is 75 s and the long unit still takes 100 s: at most 300 / (4 x 100) = 75%,
    // which this packing reaches (the short units fill the other slots in 80 s).
    List<WorkUnit> units = units(31, 10);
    Schedule even = Schedule.simulate(units, 4, u -> u.seedIndex() == 0 ? 100 : 10);
    assertEquals(1.0, even.utilisationBound(), 1e-12);
    assertTrue(even.utilisation() <= even.utilisationBound(), even.toString());
    Schedule skewed =
        Schedule.simulate(units.subList(0, 21), 4, u -> u.seedIndex() == 0 ? 100 : 10);
    assertEquals(0.75, skewed.utilisationBound(), 1e-12);
    assertEquals(100, skewed.makespanSeconds(), 1e-9);
    assertEquals(0.75, skewed.utilisation(), 1e-12);
  }

  @Test
  void longSweepsRunInChunksWhoseTailsIdleSomeSlots() {
    // 100 units of 60 s on 8 slots: 6000 s / 8 > 120 s, so chunks of max(16, 10) = 16 units: 7
    // chunks (6 x 16 + 4); 100 units on 8 slots end after 13 rounds of 60 s.
    Schedule s = Schedule.simulate(units(100, 10), 8, u -> 60);
    assertEquals(7, s.chunks());
    assertEquals(13 * 60, s.makespanSeconds(), 1e-9);
    assertTrue(s.utilisation() < 1 && s.utilisation() > 0.9, "utilisation " + s.utilisation());
  }

  @Test
  void theNextChunkFillsTheSlotsAChunksTailLeavesIdle() {
    // Fig. 1's shape: 45 units of 10 s on 2 slots, chunks of 5 units in 4 tasks (one of two
    // units). One chunk at a time, each would take 30 s with a slot idle for 10: 9 x 30 = 270 s.
    // With two chunks in flight the slots stay busy: 450 s of work end at 230 s.
    Schedule s = Schedule.simulate(units(45, 10), 2, u -> 10);
    assertEquals(9, s.chunks());
    assertEquals(230, s.makespanSeconds(), 1e-9);
  }
}
