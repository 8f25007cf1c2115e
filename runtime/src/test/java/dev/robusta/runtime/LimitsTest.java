package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class LimitsTest {
    private static final FuncType VOID = type(List.of(), List.of());
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    /** f(n) = n == 0 ? 0 : 1 + f(n - 1). */
    private static Module depth(RuntimeConfig config) {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_EQZ);
            w.op(IF).blockType(I32);
            w.op(I32_CONST).s32(0);
            w.op(ELSE);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);
            w.op(CALL).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
            w.op(END);
        });
        return b.exportFunc("f", f).build(config);
    }

    /** An infinite loop. */
    private static Module spin(RuntimeConfig config) {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(VOID, w -> {
            w.op(LOOP).blockTypeEmpty();
            w.op(BR).u32(0);
            w.op(END);
        });
        return b.exportFunc("spin", f).build(config);
    }

    @Test
    void unboundedRecursion_trapsCallStackExhausted() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(VOID, w -> w.op(CALL).u32(0));
        Instance inst = b.exportFunc("f", f).instantiate();
        TrapException e = assertThrows(TrapException.class, () -> inst.function("f").callVoid());
        assertEquals(Trap.CALL_STACK_EXHAUSTED, e.trap());
        assertEquals("call stack exhausted", e.getMessage());
        assertTrue(e.wasmStackTrace().size() > 1);
    }

    @Test
    void deepRecursion_withinTheLimitSucceeds_beyondTraps() {
        Instance inst = depth(RuntimeConfig.DEFAULT).instantiate();
        assertEquals(99_999, inst.function("f").callInt(99_999));
        assertEquals(Trap.CALL_STACK_EXHAUSTED,
                assertThrows(TrapException.class, () -> inst.function("f").callInt(100_000)).trap());
        Instance shallow = depth(RuntimeConfig.DEFAULT.withMaxCallDepth(100)).instantiate();
        assertEquals(99, shallow.function("f").callInt(99));
        assertThrows(TrapException.class, () -> shallow.function("f").callInt(100));
    }

    @Test
    void hostReentry_isBounded() {
        FuncType t = VOID;
        WasmBuilder b = new WasmBuilder();
        int h = b.importFunc("env", "h", t);
        int f = b.func(t, w -> w.op(CALL).u32(h));
        Instance inst = b.exportFunc("f", f).instantiate(Imports.builder()
                .function("env", "h", t, (caller, args) -> caller.function("f").apply()).build());
        TrapException e = assertThrows(TrapException.class, () -> inst.function("f").callVoid());
        assertEquals(Trap.CALL_STACK_EXHAUSTED, e.trap());
    }

    @Test
    void hostReentry_onSmallJavaStack_trapsInsteadOfOverflowing() throws Exception {
        FuncType t = VOID;
        WasmBuilder b = new WasmBuilder();
        int h = b.importFunc("env", "h", t);
        int f = b.func(t, w -> w.op(CALL).u32(h));
        Instance inst = b.exportFunc("f", f).instantiate(Imports.builder()
                .function("env", "h", t, (caller, args) -> caller.function("f").apply()).build());
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                inst.function("f").callVoid();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(30_000);
        assertTrue(thrown[0] instanceof TrapException, String.valueOf(thrown[0]));
        assertEquals(Trap.CALL_STACK_EXHAUSTED, ((TrapException) thrown[0]).trap());
    }

    @Test
    void memoryGrow_beyondConfiguredCap_returnsMinusOne() {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1));
        int grow = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(MEMORY_GROW).u8(0);
        });
        Instance inst = b.exportFunc("grow", grow).build(RuntimeConfig.DEFAULT.withMaxMemoryPages(4)).instantiate();
        assertEquals(1, inst.function("grow").callInt(3));
        assertEquals(-1, inst.function("grow").callInt(1));

        WasmBuilder big = new WasmBuilder();
        big.memory(Limits.of(5));
        TrapException e = assertThrows(TrapException.class,
                () -> big.build(RuntimeConfig.DEFAULT.withMaxMemoryPages(4)).instantiate());
        assertEquals(Trap.OUT_OF_MEMORY, e.trap());
    }

    @Test
    void infiniteLoop_stoppedByDeadline() {
        Instance inst = spin(RuntimeConfig.DEFAULT.withTimeout(Duration.ofMillis(100))).instantiate();
        TrapException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrapException.class, () -> inst.function("spin").callVoid()));
        assertEquals(Trap.DEADLINE_EXCEEDED, e.trap());
        assertEquals("deadline exceeded", e.getMessage());
    }

    @Test
    void infiniteLoop_stoppedByFuel_finiteWorkWithinBudgetSucceeds() {
        Instance inst = spin(RuntimeConfig.DEFAULT.withFuel(1_000_000)).instantiate();
        TrapException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrapException.class, () -> inst.function("spin").callVoid()));
        assertEquals(Trap.FUEL_EXHAUSTED, e.trap());
        // every call from the host gets the whole budget again
        assertEquals(Trap.FUEL_EXHAUSTED, assertThrows(TrapException.class, () -> inst.function("spin").callVoid()).trap());

        Instance counted = depth(RuntimeConfig.DEFAULT.withFuel(100_000)).instantiate();
        assertEquals(1000, counted.function("f").callInt(1000));
        assertEquals(Trap.FUEL_EXHAUSTED, assertThrows(TrapException.class, () -> counted.function("f").callInt(90_000)).trap());
    }

    @Test
    void infiniteLoop_stoppedByInterruptFromAnotherThread() throws Exception {
        Instance inst = spin(RuntimeConfig.DEFAULT).instantiate();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<TrapException> result = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                inst.function("spin").callVoid();
                return null;
            } catch (TrapException e) {
                return e;
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        inst.interrupt();
        TrapException e = result.get(30, TimeUnit.SECONDS);
        assertEquals(Trap.INTERRUPTED, e.trap());
        assertEquals("interrupted", e.getMessage());
        assertEquals(3, Instructions.of(I32_ADD, List.of(I32, I32), I32).callInt(1, 2));
    }

    @Test
    void tenThousandNestedBlocks() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(type(List.of(), List.of(I32)), w -> {
            for (int i = 0; i < 10_000; i++) {
                w.op(BLOCK).blockType(I32);
            }
            w.op(I32_CONST).s32(7);
            w.op(BR).u32(5_000);
            for (int i = 0; i < 10_000; i++) {
                w.op(END);
            }
        });
        assertEquals(7, b.exportFunc("f", f).instantiate().function("f").callInt());
    }

    @Test
    void fiftyThousandLocals() {
        WasmBuilder b = new WasmBuilder();
        int f = b.funcWithLocalGroups(type(List.of(I64), List.of(I64)), List.of(new LocalGroup(50_000, I64)), w -> {
            w.op(LOCAL_GET).u32(49_999);
            w.op(LOCAL_GET).u32(0);
            w.op(I64_ADD);
            w.op(LOCAL_SET).u32(50_000);
            w.op(LOCAL_GET).u32(50_000);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(42L, fn.callLong(42));
        assertEquals(-1L, fn.callLong(-1), "locals start at zero on every call");
    }
}
