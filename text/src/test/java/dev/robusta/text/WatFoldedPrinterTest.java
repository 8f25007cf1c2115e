package dev.robusta.text;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.text.WatPrinterTestSupport.addFunc;
import static dev.robusta.wasm.ValType.I32;
import static dev.robusta.wasm.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WatFoldedPrinterTest {

    private static String folded(WasmModule m) {
        String wat = WatPrinter.print(m, WatPrinter.Options.FOLDED);
        int func = wat.lastIndexOf("(func ");
        int start = wat.indexOf('\n', func) + 1;
        int next = wat.indexOf("\n  (", start);
        return wat.substring(start, (next >= 0 ? next : wat.length() - 2) - 1);
    }

    @Test
    void print_operandsNestedUnderTheirConsumer() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(I32), List.of(I32), List.of(), w -> w
                .op(Opcode.LOCAL_GET).u32(0).op(Opcode.I32_CONST).s32(1).op(Opcode.I32_ADD)
                .op(Opcode.I32_CONST).s32(2).op(Opcode.I32_MUL)
                .op(Opcode.LOCAL_TEE).u32(0));
        assertEquals("    (local.tee 0\n"
                + "      (i32.mul\n"
                + "        (i32.add\n"
                + "          (local.get 0)\n"
                + "          (i32.const 1))\n"
                + "        (i32.const 2)))", folded(m));
    }

    @Test
    void print_ifWithConditionThenElse_andBlocksAsOperands() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(I32), List.of(), List.of(), w -> w
                .op(Opcode.BLOCK).blockType(I32)
                .op(Opcode.LOCAL_GET).u32(0)
                .op(Opcode.IF).blockType(I32)
                .op(Opcode.I32_CONST).s32(1)
                .op(Opcode.ELSE)
                .op(Opcode.I32_CONST).s32(2)
                .op(Opcode.END)
                .op(Opcode.END)
                .op(Opcode.DROP)
                .op(Opcode.LOCAL_GET).u32(0)
                .op(Opcode.IF).blockTypeEmpty()
                .op(Opcode.END)
                .op(Opcode.LOOP).blockTypeEmpty()
                .op(Opcode.END));
        assertEquals("    (drop\n"
                + "      (block (result i32)  ;; label = @1\n"
                + "        (if (result i32)  ;; label = @2\n"
                + "          (local.get 0)\n"
                + "          (then\n"
                + "            (i32.const 1))\n"
                + "          (else\n"
                + "            (i32.const 2)))))\n"
                + "    (if  ;; label = @1\n"
                + "      (local.get 0)\n"
                + "      (then))\n"
                + "    (loop  ;; label = @1\n"
                + "    )", folded(m));
    }

    @Test
    void print_operandsFromBefore_notFolded() {
        WasmModule m = new WasmModule();
        int pick = m.addFuncType(FuncType.of(List.of(I64), List.of(I64, I64)));
        addFunc(m, List.of(I64), List.of(I64), List.of(), w -> w
                .op(Opcode.LOCAL_GET).u32(0)
                .op(Opcode.CALL).u32(1)
                .op(Opcode.I64_CONST).s64(1)
                .op(Opcode.I64_SUB)
                .op(Opcode.I64_MUL));
        addFunc(m, List.of(I64), List.of(I64, I64), List.of(), w -> w
                .op(Opcode.LOCAL_GET).u32(0).op(Opcode.LOCAL_GET).u32(0));
        m.functions().set(1, pick);
        String wat = WatPrinter.print(m, WatPrinter.Options.FOLDED);
        assertEquals(true, wat.contains("(func (;0;) (type 1) (param i64) (result i64)\n"
                + "    (call 1\n"
                + "      (local.get 0))\n"
                + "    (i64.const 1)\n"
                + "    (i64.sub)\n"
                + "    (i64.mul))\n"), wat);
    }

    @Test
    void print_branchArity_fromLabelType() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(), List.of(), List.of(), w -> w
                .op(Opcode.I32_CONST).s32(0)
                .op(Opcode.I32_CONST).s32(1)
                .op(Opcode.I32_CONST).s32(2)
                .op(Opcode.SELECT)
                .op(Opcode.I32_CONST).s32(3)
                .op(Opcode.BR_IF).u32(0)
                .op(Opcode.DROP)
                .op(Opcode.NOP)
                .op(Opcode.UNREACHABLE));
        assertEquals("    (select\n"
                + "      (i32.const 0)\n"
                + "      (i32.const 1)\n"
                + "      (i32.const 2))\n"
                + "    (br_if 0 (;@0;)\n"
                + "      (i32.const 3))\n"
                + "    (drop)\n"
                + "    (nop)\n"
                + "    (unreachable)", folded(m));
    }

    @Test
    void print_legacyTry_doCatchDelegate() {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(I32), List.of()));
        m.tags().add(new dev.robusta.wasm.TagType(0));
        addFunc(m, List.of(), List.of(), List.of(), w -> w
                .op(Opcode.TRY).blockTypeEmpty()
                .op(Opcode.I32_CONST).s32(1)
                .op(Opcode.THROW).u32(0)
                .op(Opcode.CATCH).u32(0)
                .op(Opcode.DROP)
                .op(Opcode.CATCH_ALL)
                .op(Opcode.RETHROW).u32(0)
                .op(Opcode.END)
                .op(Opcode.TRY).blockTypeEmpty()
                .op(Opcode.NOP)
                .op(Opcode.DELEGATE).u32(0));
        assertEquals("    (try  ;; label = @1\n"
                + "      (do\n"
                + "        (throw 0\n"
                + "          (i32.const 1)))\n"
                + "      (catch 0\n"
                + "        (drop))\n"
                + "      (catch_all\n"
                + "        (rethrow 0 (;@1;))))\n"
                + "    (try  ;; label = @1\n"
                + "      (do\n"
                + "        (nop))\n"
                + "      (delegate 0 (;@0;)))", folded(m));
        String flat = WatPrinter.print(m);
        assertEquals(true, flat.contains("    try  ;; label = @1\n"
                + "      i32.const 1\n"
                + "      throw 0\n"
                + "    catch 0\n"
                + "      drop\n"
                + "    catch_all\n"
                + "      rethrow 0 (;@1;)\n"
                + "    end\n"
                + "    try  ;; label = @1\n"
                + "      nop\n"
                + "    delegate 0 (;@0;))"), flat);
    }

    @Test
    void print_deepNesting_noStackOverflow() {
        WasmModule m = new WasmModule();
        int depth = 50_000;
        addFunc(m, List.of(), List.of(I32), List.of(), w -> {
            for (int i = 0; i < depth; i++) {
                w.op(Opcode.BLOCK).blockType(I32);
            }
            w.op(Opcode.I32_CONST).s32(1);
            for (int i = 0; i < depth; i++) {
                w.op(Opcode.END).op(Opcode.I32_EQZ);
            }
        });
        String wat = WatPrinter.print(m, WatPrinter.Options.FOLDED);
        assertEquals(depth, count(wat, "(block (result i32)"));
        assertEquals(depth, count(wat, "(i32.eqz"));
        String flat = WatPrinter.print(m);
        assertEquals(depth, count(flat, "block (result i32)  ;; label"));
        assertEquals(true, flat.contains("label = @" + depth + "\n"));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
