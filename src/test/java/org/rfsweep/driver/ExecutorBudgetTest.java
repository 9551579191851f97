package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A local run's budget counts the slots its engine will have: the run cuts its units and checks
 * their memory for that many.
 */
class ExecutorBudgetTest {

  @Test
  void aLocalMasterHasItsOwnCoresOverTheTasksCores() {
    long heap = Runtime.getRuntime().maxMemory();
    ExecutorBudget one = ExecutorBudget.forRun("local[1]", Map.of());
    assertEquals(1, one.slots());
    assertEquals(heap, one.bytesPerTask());
    assertTrue(one.inThisJvm());
    assertEquals(3, ExecutorBudget.forRun("local[3]", Map.of()).slots());
    assertEquals(2, ExecutorBudget.forRun("local[4]", Map.of("spark.task.cpus", "2")).slots());
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        ExecutorBudget.forRun("local[*]", Map.of()).slots());
  }
}
