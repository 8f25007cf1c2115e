package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.EXTERNREF;
import static dev.robusta.runtime.WasmBuilder.F32;
import static dev.robusta.runtime.WasmBuilder.F64;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.ExitException;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

class HostFunctionTest {
    private static final FuncType MIXED = type(List.of(I32, I64, F32, F64), List.of(F64, I32));

    /** An instance whose export "run" calls import env.h with its own parameters. */
    private static Instance forwarding(FuncType t, Imports imports) {
        WasmBuilder b = new WasmBuilder();
        int h = b.importFunc("env", "h", t);
        int run = b.func(t, w -> {
            for (int i = 0; i < t.params().size(); i++) {
                w.op(LOCAL_GET).u32(i);
            }
            w.op(CALL).u32(h);
        });
        return b.exportFunc("run", run).instantiate(imports);
    }

    @Test
    void boxedHostFunction_receivesBoxesAndCallerInstance() {
        AtomicReference<Instance> seen = new AtomicReference<>();
        Imports imports = Imports.builder().function("env", "h", MIXED, (caller, args) -> {
            seen.set(caller);
            double sum = (Integer) args[0] + (Long) args[1] + (Float) args[2] + (Double) args[3];
            return new Object[] {sum, -1};
        }).build();
        Instance inst = forwarding(MIXED, imports);
        Object[] r = inst.function("run").apply(1, 2L, 0.5f, 0.25);
        assertArrayEquals(new Object[] {3.75, -1}, r);
        assertSame(inst, seen.get());
    }

    @Test
    void rawHostFunction_receivesSlots() {
        Imports imports = Imports.builder().rawFunction("env", "h", MIXED, (caller, args) -> new long[] {
            Double.doubleToRawLongBits(Float.intBitsToFloat((int) args[2]) + Double.longBitsToDouble(args[3])),
            args[0] + args[1]}).build();
        Function run = forwarding(MIXED, imports).function("run");
        long[] r = run.call(-1, 0x1_0000_0000L, Float.floatToRawIntBits(1.5f), Double.doubleToRawLongBits(2.0));
        assertEquals(3.5, Double.longBitsToDouble(r[0]));
        assertEquals(-1, r[1], "the i32 result is the sign-extended low 32 bits");
        assertThrows(IllegalArgumentException.class,
                () -> Function.ofRaw(type(List.of(EXTERNREF), List.of()), (c, a) -> a));
    }

    @Test
    void externref_passesThroughUnchanged() {
        FuncType t = type(List.of(EXTERNREF), List.of(EXTERNREF));
        Object token = new Object();
        Instance inst = forwarding(t, Imports.builder().function("env", "h", t, (c, a) -> new Object[] {a[0]}).build());
        assertSame(token, inst.function("run").apply(token)[0]);
        assertThrows(IllegalArgumentException.class, () -> inst.function("run").call(1));
    }

    @Test
    void hostException_becomesHostTrapWithCause() {
        FuncType t = type(List.of(), List.of());
        IllegalStateException boom = new IllegalStateException("boom");
        Instance inst = forwarding(t, Imports.builder().function("env", "h", t, (c, a) -> {
            throw boom;
        }).build());
        TrapException e = assertThrows(TrapException.class, () -> inst.function("run").callVoid());
        assertEquals(Trap.HOST, e.trap());
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().startsWith("host function failed"), e.getMessage());
        assertTrue(e.getMessage().contains("env.h"), e.getMessage());
        assertEquals(1, e.wasmStackTrace().size());
    }

    @Test
    void exitException_passesThroughUnchanged() {
        FuncType t = type(List.of(), List.of());
        ExitException exit = new ExitException(3);
        Instance inst = forwarding(t, Imports.builder().function("env", "h", t, (c, a) -> {
            throw exit;
        }).build());
        assertSame(exit, assertThrows(ExitException.class, () -> inst.function("run").callVoid()));
        assertEquals(7, Instructions.of(I32_ADD, List.of(I32, I32), I32).callInt(3, 4), "the thread's interpreter recovered");
    }

    @Test
    void wrongResults_trapAsHostFailure() {
        FuncType t = type(List.of(), List.of(I32));
        Instance count = forwarding(t, Imports.builder().function("env", "h", t, (c, a) -> new Object[0]).build());
        assertEquals(Trap.HOST, assertThrows(TrapException.class, () -> count.function("run").callInt()).trap());
        Instance box = forwarding(t, Imports.builder().function("env", "h", t, (c, a) -> new Object[] {1L}).build());
        assertEquals(Trap.HOST, assertThrows(TrapException.class, () -> box.function("run").callInt()).trap());
    }

    @Test
    void reentry_hostCallsBackIntoGuest() {
        FuncType t = type(List.of(I32), List.of(I32));
        WasmBuilder b = new WasmBuilder();
        int h = b.importFunc("env", "h", t);
        // f(n) = n == 0 ? 0 : n + h(n - 1), where h calls f again through the export
        int f = b.func(t, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_EQZ);
            w.op(IF).blockType(I32);
            w.op(I32_CONST).s32(0);
            w.op(ELSE);
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);
            w.op(CALL).u32(h);
            w.op(I32_ADD);
            w.op(END);
        });
        b.exportFunc("f", f);
        AtomicReference<Instance> self = new AtomicReference<>();
        Instance inst = b.instantiate(Imports.builder().function("env", "h", t,
                (caller, args) -> new Object[] {caller.function("f").callInt((Integer) args[0])}).build());
        self.set(inst);
        assertEquals(5050, inst.function("f").callInt(100));
    }

    @Test
    void trapInNestedCall_hasFramesOfBothLevels() {
        FuncType t = type(List.of(), List.of());
        WasmBuilder b = new WasmBuilder();
        int h = b.importFunc("env", "h", t);
        int outer = b.func(t, w -> w.op(CALL).u32(h));
        int bad = b.func(t, w -> w.op(UNREACHABLE));
        b.name(outer, "outer").name(bad, "bad");
        Instance inst = b.exportFunc("outer", outer).exportFunc("bad", bad).instantiate(Imports.builder()
                .function("env", "h", t, (caller, args) -> caller.function("bad").apply()).build());
        TrapException e = assertThrows(TrapException.class, () -> inst.function("outer").callVoid());
        assertEquals(List.of("func 2 (bad)", "func 1 (outer)"), e.wasmStackTrace());
    }

    @Test
    void hostFunctionCalledFromJava_directly() {
        Function f = Function.of(type(List.of(I32, I32), List.of(I32)), (c, a) -> new Object[] {(Integer) a[0] - (Integer) a[1]});
        assertEquals(-1, f.callInt(1, 2));
        assertArrayEquals(new Object[] {3}, f.apply(5, 2));
        assertThrows(IllegalArgumentException.class, () -> f.apply(5));
        assertThrows(IllegalArgumentException.class, () -> f.apply(5, 2L));
        assertThrows(IllegalArgumentException.class, () -> f.call(5));
        assertThrows(IllegalArgumentException.class, () -> f.callLong(5, 2));
    }
}
