package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.F64;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.util.List;

class ControlFlowTest {
    private static final FuncType I32_I32_TO_I32 = type(List.of(I32, I32), List.of(I32));
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    @Test
    void add_twoArguments_returnsSum() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(I32_I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_ADD);
        });
        Instance inst = b.exportFunc("add", f).instantiate();
        assertEquals(5, inst.function("add").callInt(2, 3));
        assertEquals(Integer.MIN_VALUE, inst.function("add").callInt(Integer.MAX_VALUE, 1));
        assertEquals(-1, inst.function("add").callInt(0xFFFF_FFFFL, 0));
    }

    @Test
    void factorial_recursive_returnsProduct() {
        WasmBuilder b = new WasmBuilder();
        FuncType t = type(List.of(I64), List.of(I64));
        int fac = b.func(t, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I64_EQZ);
            w.op(IF);
            w.blockType(I64);
            w.op(I64_CONST).s64(1);
            w.op(ELSE);
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(I64_CONST).s64(1);
            w.op(I64_SUB);
            w.op(CALL).u32(0);
            w.op(I64_MUL);
            w.op(END);
        });
        Instance inst = b.exportFunc("fac", fac).instantiate();
        assertEquals(1L, inst.function("fac").callLong(0));
        assertEquals(2432902008176640000L, inst.function("fac").callLong(20));
    }

    @Test
    void fibonacci_loop_returnsValue() {
        WasmBuilder b = new WasmBuilder();
        // locals: 0 n, 1 a, 2 b, 3 t
        int fib = b.func(I32_TO_I32, List.of(I32, I32, I32), w -> {
            w.op(I32_CONST).s32(1);
            w.op(LOCAL_SET).u32(2);
            w.op(BLOCK).blockTypeEmpty();
            w.op(LOOP).blockTypeEmpty();
            w.op(LOCAL_GET).u32(0);
            w.op(I32_EQZ);
            w.op(BR_IF).u32(1);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(I32_ADD);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_SET).u32(1);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);
            w.op(LOCAL_SET).u32(0);
            w.op(BR).u32(0);
            w.op(END);
            w.op(END);
            w.op(LOCAL_GET).u32(1);
        });
        Instance inst = b.exportFunc("fib", fib).instantiate();
        assertEquals(0, inst.function("fib").callInt(0));
        assertEquals(1, inst.function("fib").callInt(1));
        assertEquals(55, inst.function("fib").callInt(10));
        assertEquals(832040, inst.function("fib").callInt(30));
    }

    @Test
    void br_outOfBlockWithValue_dropsOperandsBelow() {
        WasmBuilder b = new WasmBuilder();
        // (block (result i32) (i32.const 1) (i32.const 2) (i32.const 42) (br 0)) then +100
        int f = b.func(type(List.of(), List.of(I32)), w -> {
            w.op(BLOCK).blockType(I32);
            w.op(I32_CONST).s32(1);
            w.op(I32_CONST).s32(2);
            w.op(I32_CONST).s32(42);
            w.op(BR).u32(0);
            w.op(END);
            w.op(I32_CONST).s32(100);
            w.op(I32_ADD);
        });
        assertEquals(142, b.exportFunc("f", f).instantiate().function("f").callInt());
    }

    @Test
    void brIf_withValueAndUnwinding_keepsValueOnlyWhenTaken() {
        WasmBuilder b = new WasmBuilder();
        // (block (result i32) (i32.const 7) (i32.const 9) (local.get 0) (br_if 0) (drop) (drop) (i32.const 3))
        int f = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockType(I32);
            w.op(I32_CONST).s32(7);
            w.op(I32_CONST).s32(9);
            w.op(LOCAL_GET).u32(0);
            w.op(BR_IF).u32(0);
            w.op(DROP);
            w.op(DROP);
            w.op(I32_CONST).s32(3);
            w.op(END);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(9, fn.callInt(1));
        assertEquals(3, fn.callInt(0));
    }

    @Test
    void brTable_selectsTargetByIndex_defaultWhenOutOfRange() {
        WasmBuilder b = new WasmBuilder();
        // (block (block (block (br_table 0 1 2 (local.get 0))) (return 10)) (return 11)) 12 -- with values
        int f = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockTypeEmpty();
            w.op(BLOCK).blockTypeEmpty();
            w.op(BLOCK).blockTypeEmpty();
            w.op(LOCAL_GET).u32(0);
            w.op(BR_TABLE).u32(2).u32(0).u32(1).u32(2);
            w.op(END);
            w.op(I32_CONST).s32(10);
            w.op(RETURN);
            w.op(END);
            w.op(I32_CONST).s32(11);
            w.op(RETURN);
            w.op(END);
            w.op(I32_CONST).s32(12);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(10, fn.callInt(0));
        assertEquals(11, fn.callInt(1));
        assertEquals(12, fn.callInt(2));
        assertEquals(12, fn.callInt(3));
        assertEquals(12, fn.callInt(-1));
    }

    @Test
    void brTable_withValueToFunctionLabel_returns() {
        WasmBuilder b = new WasmBuilder();
        // (block (result i32) (i32.const 5) (i32.const 6) (local.get 0) (br_table 0 1)) + 1
        int f = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockType(I32);
            w.op(I32_CONST).s32(5);
            w.op(I32_CONST).s32(6);
            w.op(LOCAL_GET).u32(0);
            w.op(BR_TABLE).u32(1).u32(0).u32(1);
            w.op(END);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(7, fn.callInt(0));
        assertEquals(6, fn.callInt(1));
        assertEquals(6, fn.callInt(9));
    }

    @Test
    void multiValue_functionAndBlockWithParams() {
        WasmBuilder b = new WasmBuilder();
        int swap = b.func(type(List.of(I32, I64), List.of(I64, I32)), w -> {
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(0);
        });
        int bt = b.typeIdx(type(List.of(I64, I32), List.of(I64, I32)));
        // [i32 3, i64 4] -swap-> [i64 4, i32 3] -block-> adds 10 to the i32, or branches with two new values
        int g = b.func(type(List.of(I32), List.of(I64, I32)), w -> {
            w.op(I32_CONST).s32(3);
            w.op(I64_CONST).s64(4);
            w.op(CALL).u32(swap);
            w.op(BLOCK).blockTypeIndex(bt);
            w.op(I32_CONST).s32(10);
            w.op(I32_ADD);
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockTypeEmpty();
            w.op(I64_CONST).s64(99);
            w.op(I32_CONST).s32(98);
            w.op(BR).u32(1);
            w.op(END);
            w.op(END);
        });
        Instance inst = b.exportFunc("swap", swap).exportFunc("g", g).instantiate();
        assertArrayEquals(new long[] {9, 8}, inst.function("swap").call(8, 9));
        assertArrayEquals(new long[] {4, 13}, inst.function("g").call(0));
        assertArrayEquals(new long[] {99, 98}, inst.function("g").call(1));
        assertArrayEquals(new Object[] {4L, 13}, inst.function("g").apply(0));
    }

    @Test
    void ifElse_withResults_andIfWithoutElse() {
        WasmBuilder b = new WasmBuilder();
        int addType = b.typeIdx(I32_TO_I32);
        int f = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockType(I32);
            w.op(I32_CONST).s32(1);
            w.op(ELSE);
            w.op(I32_CONST).s32(2);
            w.op(END);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(5);
            w.op(I32_GT_S);
            w.op(IF).blockTypeIndex(addType);
            w.op(I32_CONST).s32(100);
            w.op(I32_ADD);
            w.op(END);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(2, fn.callInt(0));
        assertEquals(1, fn.callInt(3));
        assertEquals(101, fn.callInt(6));
    }

    @Test
    void select_choosesFirstWhenConditionNonZero() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(type(List.of(F64, F64, I32), List.of(F64)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(SELECT);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertEquals(1.5, fn.callDouble(Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(2.5), 1));
        assertEquals(2.5, fn.callDouble(Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(2.5), 0));
    }

    @Test
    void unreachable_trapsWithStackTraceOfNamedFunctions() {
        WasmBuilder b = new WasmBuilder();
        int inner = b.func(type(List.of(), List.of()), w -> w.op(UNREACHABLE));
        int outer = b.func(type(List.of(), List.of()), w -> w.op(CALL).u32(inner));
        b.name(inner, "inner").name(outer, "outer");
        Instance inst = b.exportFunc("outer", outer).instantiate();
        TrapException e = assertThrows(TrapException.class, () -> inst.function("outer").callVoid());
        assertEquals(Trap.UNREACHABLE, e.trap());
        assertEquals("unreachable", e.getMessage());
        assertEquals(List.of("func 0 (inner)", "func 1 (outer)"), e.wasmStackTrace());
    }

    @Test
    void deadCodeAfterBranch_isSkipped() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(type(List.of(), List.of(I32)), w -> {
            w.op(BLOCK).blockType(I32);
            w.op(I32_CONST).s32(1);
            w.op(BR).u32(0);
            w.op(I64_CONST).s64(5);
            w.op(BLOCK).blockTypeEmpty();
            w.op(UNREACHABLE);
            w.op(END);
            w.op(DROP);
            w.op(I32_CONST).s32(2);
            w.op(END);
        });
        assertEquals(1, b.exportFunc("f", f).instantiate().function("f").callInt());
    }

    @Test
    void loopWithParams_branchCarriesValues() {
        WasmBuilder b = new WasmBuilder();
        // count down with the counter as a loop parameter: (i32.const 0)(local.get 0) (loop [i32 i32]->[i32] ...)
        int lt = b.typeIdx(type(List.of(I32, I32), List.of(I32)));
        int f = b.func(I32_TO_I32, List.of(I32), w -> {
            w.op(I32_CONST).s32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(LOOP).blockTypeIndex(lt);
            // stack: acc n
            w.op(LOCAL_TEE).u32(1);
            w.op(I32_ADD);            // acc + n
            w.op(LOCAL_GET).u32(1);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);            // acc' n-1
            w.op(LOCAL_TEE).u32(1);
            w.op(LOCAL_GET).u32(1);
            w.op(BR_IF).u32(0);
            w.op(DROP);
            w.op(END);
        });
        assertEquals(55, b.exportFunc("f", f).instantiate().function("f").callInt(10));
    }
}
