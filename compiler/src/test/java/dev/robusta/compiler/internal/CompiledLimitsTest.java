package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuel, deadline and interruption in compiled code, where they are checked at calls (a function's prologue)
 * and loop back-edges: both kinds of code must stop, and fuel must be counted as the interpreter counts it.
 */
class CompiledLimitsTest {
    /** Recursive Fibonacci without loops: fib(60) would run for ages, through calls alone. */
    private static final String FIB = "(module (func $fib (export \"fib\") (param i32) (result i32)"
            + " (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))"
            + " (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))"
            + " (call $fib (i32.sub (local.get 0) (i32.const 2))))))))";
    /** A loop of n iterations that calls nothing. */
    private static final String COUNT = "(module (func (export \"count\") (param i32) (result i32) (local i32)"
            + " (block (loop (br_if 1 (i32.ge_u (local.get 1) (local.get 0)))"
            + " (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br 0))) (local.get 1)))";

    private static Instance compiled(String wat, RuntimeConfig config) {
        Instance i = Wat.module(wat, config).instantiate();
        assertInstanceOf(CompiledFunction.class, i.function(wat == FIB ? "fib" : "count"));
        return i;
    }

    @Test
    void callOnlyRecursion_stoppedByDeadline() {
        Instance i = compiled(FIB, Wat.COMPILER.withTimeout(Duration.ofMillis(100)));
        assertEquals(610, i.function("fib").callInt(15));
        TrapException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrapException.class, () -> i.function("fib").callInt(60)));
        assertEquals(Trap.DEADLINE_EXCEEDED, e.trap());
    }

    @Test
    void callOnlyRecursion_stoppedByInterrupt() throws Exception {
        Instance i = compiled(FIB, Wat.COMPILER);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<TrapException> result = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                i.function("fib").callInt(60);
                return null;
            } catch (TrapException e) {
                return e;
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        i.interrupt();
        TrapException e = result.get(30, TimeUnit.SECONDS);
        assertEquals(Trap.INTERRUPTED, e.trap());
        assertEquals(610, i.function("fib").callInt(15), "the next call runs");
    }

    @Test
    void interruptingAnotherInstance_letsTheCallFinish() throws Exception {
        Instance running = compiled(FIB, Wat.COMPILER);
        Instance other = compiled(FIB, Wat.COMPILER);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> running.function("fib").callInt(32));
        int interrupts = 0;
        while (!result.isDone()) {
            other.interrupt();
            interrupts++;
            Thread.sleep(1);
        }
        assertEquals(2178309, result.get(30, TimeUnit.SECONDS));
        assertTrue(interrupts > 0);
        assertEquals(Trap.INTERRUPTED,
                assertThrows(TrapException.class, () -> other.function("fib").callInt(15)).trap(),
                "the interrupted instance's next call traps, as documented");
    }

    @Test
    void deadline_isPerCall() throws Exception {
        Instance i = compiled(FIB, Wat.COMPILER.withTimeout(Duration.ofMillis(50)));
        for (int k = 0; k < 5; k++) {
            assertEquals(6765, i.function("fib").callInt(20));
            Thread.sleep(60);
        }
    }

    @Test
    void loop_stoppedByDeadline() {
        Instance i = compiled(COUNT, Wat.COMPILER.withTimeout(Duration.ofMillis(100)));
        TrapException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrapException.class, () -> {
                    while (true) {
                        i.function("count").callInt(-1);
                    }
                }));
        assertEquals(Trap.DEADLINE_EXCEEDED, e.trap());
    }

    /**
     * A loop whose body weighs 10,000 instructions but whose iterations run three (the case of a loop around
     * a large {@code switch}): its back-edges charge at most {@link Ctx#MAX_LOOP_CHARGE}, and the deadline
     * still stops it.
     */
    @Test
    void loopWithALargeBodyRunningLittleOfIt_stoppedByDeadline() {
        StringBuilder wat = new StringBuilder("(module (func (export \"count\") (param i32) (result i32)"
                + " (loop (if (local.get 0) (then");
        for (int k = 0; k < 5_000; k++) {
            wat.append(" (drop (i32.const ").append(k).append("))");
        }
        wat.append(")) (br 0)) (i32.const 0)))");
        Instance i = compiled(wat.toString(), Wat.COMPILER.withTimeout(Duration.ofMillis(100)));
        TrapException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrapException.class, () -> i.function("count").callInt(0)));
        assertEquals(Trap.DEADLINE_EXCEEDED, e.trap());
    }

    @Test
    void fuel_countedAsTheInterpreterCountsIt() {
        for (String wat : new String[] {FIB, COUNT}) {
            String name = wat == FIB ? "fib" : "count";
            int arg = wat == FIB ? 20 : 50_000;
            long fuel = exactFuel(wat, name, arg);
            Instance enough = compiled(wat, Wat.COMPILER.withFuel(fuel));
            enough.function(name).callInt(arg);
            Instance short1 = compiled(wat, Wat.COMPILER.withFuel(fuel - 1));
            assertEquals(Trap.FUEL_EXHAUSTED,
                    assertThrows(TrapException.class, () -> short1.function(name).callInt(arg)).trap(), name);
        }
    }

    /** The least fuel with which the interpreter completes the call (a binary search). */
    private static long exactFuel(String wat, String name, int arg) {
        long lo = 1;
        long hi = 1L << 32;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            Instance i = Wat.module(wat, Wat.INTERPRETER.withFuel(mid)).instantiate();
            try {
                i.function(name).callInt(arg);
                hi = mid;
            } catch (TrapException e) {
                assertEquals(Trap.FUEL_EXHAUSTED, e.trap());
                lo = mid + 1;
            }
        }
        return lo;
    }
}
