package dev.robusta.runtime.internal.interpreter;

import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeWriter;
import dev.robusta.wasm.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

class LowererTest {
    private static final ValType I32 = ValType.I32;

    /** Lowers a one-function module {@code (param i32 i32) (result i32) (local i32)} with the given body. */
    private static LoweredFunction lower(Consumer<CodeWriter> body) {
        WasmModule m = model(body);
        return Lowerer.lower(new ModuleCode(m, RuntimeConfig.DEFAULT), 0);
    }

    private static WasmModule model(Consumer<CodeWriter> body) {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(I32, I32), List.of(I32)));
        m.functions().add(0);
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(END);
        m.codes().add(new FunctionBody(List.of(new LocalGroup(1, I32)), w.toExpression()));
        m.exports().add(new Export("f", ExternKind.FUNC, 0));
        Validator.validate(m, dev.robusta.wasm.Features.V2);
        return m;
    }

    private static int run(Consumer<CodeWriter> body, int a, int b) {
        return Module.of(model(body), RuntimeConfig.DEFAULT).instantiate().function("f").callInt(a, b);
    }

    private static int[] code(LoweredFunction f) {
        return f.code;
    }

    @Test
    void localConstAdd_fusesIntoOneInstruction() {
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(5);
            w.op(I32_SUB);
        };
        assertArrayEquals(new int[] {Op.I32_ADD_LC, 0, -5, Op.RETURN}, code(lower(body)));
        assertEquals(-2, run(body, 3, 0));
    }

    @Test
    void incrementOfLocal_fusesWithLocalSet() {
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(2);
        };
        assertArrayEquals(new int[] {Op.I32_SET_ADD_LC, 2, 0, 1, Op.LOCAL_GET, 2, Op.RETURN}, code(lower(body)));
        assertEquals(8, run(body, 7, 0));
    }

    @Test
    void compareAndBranch_fuseForwardAndBackward() {
        // loop: i = i + 1 (local 2); br_if loop (i < a); result i
        Consumer<CodeWriter> body = w -> {
            w.op(LOOP).blockTypeEmpty();
            w.op(LOCAL_GET).u32(2);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_LT_S);
            w.op(BR_IF).u32(0);
            w.op(END);
            w.op(LOCAL_GET).u32(2);
        };
        int[] code = code(lower(body));
        assertArrayEquals(new int[] {Op.I32_SET_ADD_LC, 2, 2, 1, Op.BR_CMP_LL, 0x48, 2, 0, 0, 8}, Arrays.copyOf(code, 10),
                "one compare-and-branch back to the loop's start, charging the 8 instructions of the loop body");
        assertEquals(10, run(body, 10, 0));
        assertEquals(1, run(body, -5, 0));
    }

    @Test
    void comparisonOfComputedValues_fusesOnlyCompareAndBranch() {
        // (block (br_if 0 (i32.lt_u (i32.add (local.get 0) (local.get 1)) (i32.const 10)))) (i32.const 1) ...
        Consumer<CodeWriter> body = w -> {
            w.op(BLOCK).blockTypeEmpty();
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_ADD);
            w.op(I32_CONST).s32(10);
            w.op(I32_LT_U);
            w.op(BR_IF).u32(0);
            w.op(I32_CONST).s32(7);
            w.op(RETURN);
            w.op(END);
            w.op(I32_CONST).s32(8);
        };
        int[] code = code(lower(body));
        assertEquals(Op.I32_ADD_LL, code[0]);
        assertEquals(Op.CONST32, code[3]);
        assertEquals(Op.BR_LT_U, code[5]);
        assertEquals(8, run(body, 2, 3));
        assertEquals(7, run(body, 5, 5));
        assertEquals(7, run(body, -1, 0));
    }

    @Test
    void compareBeforeIf_branchesOnTheNegation() {
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_GT_U);
            w.op(IF).blockType(I32);
            w.op(I32_CONST).s32(1);
            w.op(ELSE);
            w.op(I32_CONST).s32(2);
            w.op(END);
        };
        assertArrayEquals(new int[] {Op.BR_CMP_LL, 0x4D, 0, 1, 10, 0}, Arrays.copyOf(code(lower(body)), 6),
                "gt_u is false: branch to the else arm");
        assertEquals(1, run(body, -1, 1));
        assertEquals(2, run(body, 1, -1));
        assertEquals(2, run(body, 1, 1));
    }

    @Test
    void labelBetweenInstructions_preventsFusion() {
        // local.get 0 ; loop (param i32) (result i32) ; i32.const 1 ; i32.add ; ... : the loop start is a label
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOOP).blockTypeIndex(1);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
            w.op(LOCAL_TEE).u32(2);
            w.op(LOCAL_GET).u32(2);
            w.op(I32_CONST).s32(100);
            w.op(I32_LT_S);
            w.op(BR_IF).u32(0);
            w.op(END);
        };
        WasmModule m = model(w -> w.op(LOCAL_GET).u32(0));
        m.addFuncType(FuncType.of(List.of(I32), List.of(I32)));
        int[] code = Lowerer.lower(new ModuleCode(withBody(m, body), RuntimeConfig.DEFAULT), 0).code;
        assertEquals(Op.LOCAL_GET, code[0], "the local.get before the loop stays separate: " + Arrays.toString(code));
        assertEquals(Op.I32_ADD_C, code[2], "i32.const; i32.add inside the loop fuse with each other only");
        assertEquals(100, Module.of(withBody(m, body), RuntimeConfig.DEFAULT).instantiate().function("f").callInt(5, 0));
    }

    private static WasmModule withBody(WasmModule m, Consumer<CodeWriter> body) {
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(END);
        m.codes().set(0, new FunctionBody(List.of(new LocalGroup(1, I32)), w.toExpression()));
        Validator.validate(m, dev.robusta.wasm.Features.V2);
        return m;
    }

    @Test
    void branchIntoFusedWindow_isImpossibleBecauseEndsResetIt() {
        // (block (result i32) (local.get 0) (br_if 0 (local.get 1)) (drop) (i32.const 7)) (i32.const 1) (i32.add)
        Consumer<CodeWriter> body = w -> {
            w.op(BLOCK).blockType(I32);
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(BR_IF).u32(0);
            w.op(DROP);
            w.op(I32_CONST).s32(7);
            w.op(END);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        };
        assertEquals(11, run(body, 10, 1));
        assertEquals(8, run(body, 10, 0));
    }

    @Test
    void constantOperandsLocalAddAndCopy_fuseAndComputeAsUnfused() {
        // params 0 n, 1 acc; local 2 i:
        // loop { if i >= n break; acc = (acc * 31 + i) ^ (((i >>> 3) & 0xFF) << 1); i = i + 1 }; n = acc; return n
        Consumer<CodeWriter> body = w -> {
            w.op(BLOCK).blockTypeEmpty();
            w.op(LOOP).blockTypeEmpty();
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_GE_U);
            w.op(BR_IF).u32(1);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_CONST).s32(31);
            w.op(I32_MUL);
            w.op(LOCAL_GET).u32(2);
            w.op(I32_ADD);
            w.op(LOCAL_GET).u32(2);
            w.op(I32_CONST).s32(3);
            w.op(I32_SHR_U);
            w.op(I32_CONST).s32(0xFF);
            w.op(I32_AND);
            w.op(I32_CONST).s32(1);
            w.op(I32_SHL);
            w.op(I32_XOR);
            w.op(LOCAL_SET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
            w.op(LOCAL_SET).u32(2);
            w.op(BR).u32(0);
            w.op(END);
            w.op(END);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_SET).u32(0);
            w.op(LOCAL_GET).u32(0);
        };
        assertArrayEquals(new int[] {
            Op.BR_CMP_LL, 0x4F, 2, 0, 30, 0,
            Op.LOCAL_GET, 1, Op.I32_MUL_C, 31, Op.I32_ADD_L, 2,
            Op.LOCAL_GET, 2, Op.I32_SHR_U_C, 3, Op.I32_AND_C, 0xFF, Op.I32_SHL_C, 1, 0x73,
            Op.LOCAL_SET, 1, Op.I32_SET_ADD_LC, 2, 2, 1, Op.BR_BACK, 0, 23,
            Op.LOCAL_COPY, 1, 0, Op.LOCAL_GET, 0, Op.RETURN}, code(lower(body)));
        for (int n : new int[] {0, 1, 1000, 12345}) {
            int acc = 7;
            for (int i = 0; i < n; i++) {
                acc = (acc * 31 + i) ^ (((i >>> 3) & 0xFF) << 1);
            }
            assertEquals(acc, run(body, n, 7), "n = " + n);
        }
    }

    @Test
    void localProductsSumsIntoLocals_fuse() {
        // local 2 = a * b + a; result local 2 + b
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_MUL);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_ADD);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_ADD);
        };
        assertArrayEquals(new int[] {Op.I32_MUL_LL, 0, 1, Op.LOCAL_SET, 2, Op.I32_SET_ADD_LL, 2, 2, 0,
            Op.I32_ADD_LL, 2, 1, Op.RETURN}, code(lower(body)));
        assertEquals(6 * 7 + 6 + 7, run(body, 6, 7));
        assertEquals(-3 * 100_000 + -3 + 100_000, run(body, -3, 100_000));
    }

    /** A one-function module {@code (param i32 i32) (result i32) (local f64 f64 f64)}: locals 2..4 are f64. */
    private static WasmModule f64Model(Consumer<CodeWriter> body) {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(I32, I32), List.of(I32)));
        m.functions().add(0);
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(END);
        m.codes().add(new FunctionBody(List.of(new LocalGroup(3, ValType.F64)), w.toExpression()));
        m.exports().add(new Export("f", ExternKind.FUNC, 0));
        Validator.validate(m, dev.robusta.wasm.Features.V2);
        return m;
    }

    private static int[] f64Code(Consumer<CodeWriter> body) {
        return Lowerer.lower(new ModuleCode(f64Model(body), RuntimeConfig.DEFAULT), 0).code;
    }

    private static int runF64(Consumer<CodeWriter> body, int a, int b) {
        return Module.of(f64Model(body), RuntimeConfig.DEFAULT).instantiate().function("f").callInt(a, b);
    }

    private static boolean containsSequence(int[] code, int... seq) {
        for (int i = 0; i + seq.length <= code.length; i++) {
            if (Arrays.equals(code, i, i + seq.length, seq, 0, seq.length)) {
                return true;
            }
        }
        return false;
    }

    private static void f64Const(CodeWriter w, double v) {
        w.op(F64_CONST).fixed64(Double.doubleToRawLongBits(v));
    }

    @Test
    void f64KernelOnLocals_fusesProductsSumsConstantsAndComparisons() {
        // a = p0, b = p1; t = 0; block { br_if (a*a + b*b > 10000); t = (a*a - b*b) + a; t = 2.5*t - a*b;
        // t = t + a*b; br_if (t > 100); t = t - 1 }; result (i32) t
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(F64_CONVERT_I32_S);
            w.op(LOCAL_SET).u32(2);
            w.op(LOCAL_GET).u32(1);
            w.op(F64_CONVERT_I32_S);
            w.op(LOCAL_SET).u32(3);
            w.op(BLOCK).blockTypeEmpty();
            products(w, F64_ADD);
            f64Const(w, 10000.0);
            w.op(F64_GT);
            w.op(BR_IF).u32(0);
            products(w, F64_SUB);
            w.op(LOCAL_GET).u32(2);
            w.op(F64_ADD);
            w.op(LOCAL_SET).u32(4);
            f64Const(w, 2.5);
            w.op(LOCAL_GET).u32(4);
            w.op(F64_MUL);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(3);
            w.op(F64_MUL);
            w.op(F64_SUB);
            w.op(LOCAL_SET).u32(4);
            w.op(LOCAL_GET).u32(4);
            w.op(LOCAL_GET).u32(2);
            w.op(LOCAL_GET).u32(3);
            w.op(F64_MUL);
            w.op(F64_ADD);
            w.op(LOCAL_SET).u32(4);
            w.op(LOCAL_GET).u32(4);
            f64Const(w, 100.0);
            w.op(F64_GT);
            w.op(BR_IF).u32(0);
            w.op(LOCAL_GET).u32(4);
            f64Const(w, 1.0);
            w.op(F64_SUB);
            w.op(LOCAL_SET).u32(4);
            w.op(END);
            w.op(LOCAL_GET).u32(4);
            w.op(I32_TRUNC_F64_S);
        };
        int[] code = f64Code(body);
        long c1e4 = Double.doubleToRawLongBits(10000.0);
        long c25 = Double.doubleToRawLongBits(2.5);
        long c100 = Double.doubleToRawLongBits(100.0);
        assertTrue(containsSequence(code, Op.F64_ADD_PRODUCTS, 2, 2, 3, 3, Op.BR_F64_GT_C, (int) c1e4, (int) (c1e4 >>> 32)),
                Arrays.toString(code));
        assertTrue(containsSequence(code, Op.F64_SUB_PRODUCTS, 2, 2, 3, 3, Op.F64_SET_ADD_L, 4, 2,
                Op.F64_MUL_CL, (int) c25, (int) (c25 >>> 32), 4, Op.F64_SUB_MUL_LL, 2, 3, Op.LOCAL_SET, 4,
                Op.LOCAL_GET, 4, Op.F64_ADD_MUL_LL, 2, 3, Op.LOCAL_SET, 4,
                Op.LOCAL_GET, 4, Op.BR_F64_GT_C, (int) c100, (int) (c100 >>> 32)), Arrays.toString(code));
        for (int[] ab : new int[][] {{3, 2}, {10, 1}, {0, 0}, {-7, 5}, {-20, 3}, {200, 3}, {-3, 99}}) {
            double a = ab[0];
            double b = ab[1];
            double t = 0;
            if (!(a * a + b * b > 10000)) {
                t = (a * a - b * b) + a;
                t = 2.5 * t - a * b;
                t = t + a * b;
                if (!(t > 100)) {
                    t = t - 1;
                }
            }
            assertEquals((int) t, runF64(body, ab[0], ab[1]), Arrays.toString(ab));
        }
    }

    /** {@code local.get 2; local.get 2; f64.mul; local.get 3; local.get 3; f64.mul; op}. */
    private static void products(CodeWriter w, dev.robusta.wasm.Opcode op) {
        w.op(LOCAL_GET).u32(2);
        w.op(LOCAL_GET).u32(2);
        w.op(F64_MUL);
        w.op(LOCAL_GET).u32(3);
        w.op(LOCAL_GET).u32(3);
        w.op(F64_MUL);
        w.op(op);
    }

    @Test
    void f64GreaterThanConstant_branchesBackToALoop() {
        // t = p0; loop { t = t * 0.5; br_if loop (t > 1.0) }; result (i32) (t * 1024)
        Consumer<CodeWriter> body = w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(F64_CONVERT_I32_S);
            w.op(LOCAL_SET).u32(4);
            w.op(LOOP).blockTypeEmpty();
            w.op(LOCAL_GET).u32(4);
            f64Const(w, 0.5);
            w.op(F64_MUL);
            w.op(LOCAL_SET).u32(4);
            w.op(LOCAL_GET).u32(4);
            f64Const(w, 1.0);
            w.op(F64_GT);
            w.op(BR_IF).u32(0);
            w.op(END);
            w.op(LOCAL_GET).u32(4);
            f64Const(w, 1024.0);
            w.op(F64_MUL);
            w.op(I32_TRUNC_F64_S);
        };
        long c1 = Double.doubleToRawLongBits(1.0);
        assertTrue(containsSequence(f64Code(body), Op.BR_F64_GT_C, (int) c1, (int) (c1 >>> 32)));
        for (int p : new int[] {1000, 3, 1, -5}) {
            double t = p;
            do {
                t = t * 0.5;
            } while (t > 1.0);
            assertEquals((int) (t * 1024), runF64(body, p, 0), "p = " + p);
        }
    }
}
