package dev.robusta.text;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every instruction of {@link Opcode} can be written in the text format: its mnemonic with immediates of
 * the right shape parses, and the code reads back (with {@link CodeReader}) as that opcode, then the end.
 */
class EveryInstructionTest {
    private static final String PRELUDE = "(module (type $t (func)) (type $s (struct (field $f (mut i32))))"
            + " (type $a (array (mut i32))) (memory 1) (table 1 funcref) (global $g (mut i32) (i32.const 0))"
            + " (tag $e) (elem $el func) (data $d \"\")";

    /** The instruction in flat text form and the opcodes its code must read as. */
    private static String text(Opcode op) {
        String m = op.mnemonic();
        switch (op) {
            case BLOCK: case LOOP: case IF: case TRY: case TRY_TABLE: return m + " end";
            case ELSE: return "if else nop end";
            case END: return "block end";
            case CATCH: return "try catch $e end";
            case CATCH_ALL: return "try catch_all end";
            case DELEGATE: return "try delegate 0";
            case SELECT_T: return "select (result i32)";
            case REF_TEST: case REF_CAST: return m + " (ref $s)";
            case REF_TEST_NULL: case REF_CAST_NULL: return m + " (ref null $s)";
            default: break;
        }
        switch (op.immKind()) {
            case NONE: case ZERO_BYTE: return m;
            case LABEL: return m + " 0";
            case BR_TABLE: return m + " 0 0";
            case BR_ON_CAST: return m + " 0 anyref (ref null $s)";
            case FUNC_IDX: return m + " $fn";
            case CALL_INDIRECT: return m + " (type $t)";
            case TYPE_IDX: return m + (m.startsWith("array") ? " $a" : m.startsWith("struct") ? " $s" : " $t");
            case TYPE_FIELD: return m + " $s $f";
            case TYPE_U32: return m + " $a 2";
            case TYPE_DATA: return m + " $a $d";
            case TYPE_ELEM: return m + " $a $el";
            case TYPE_TYPE: return m + " $a $a";
            case LOCAL_IDX: return m + " $l";
            case GLOBAL_IDX: return m + " $g";
            case TABLE_IDX: case MEM_IDX: return m + " 0";
            case ELEM_IDX: return m + " $el";
            case DATA_IDX: return m + " $d";
            case TAG_IDX: return m + " $e";
            case TABLE_TABLE: case MEM_MEM: return m + " 0 0";
            case TABLE_ELEM: return m + " 0 $el";
            case MEM_DATA: return m + " 0 $d";
            case HEAP_TYPE: return m + " func";
            case MEMARG: return m + " offset=1";
            case MEMARG_LANE: return m + " offset=1 1";
            case I32: case I64: return m + " -1";
            case F32: case F64: return m + " -1.5";
            case V128: return m + " i32x4 1 2 3 4";
            case LANE: return m + " 1";
            case SHUFFLE: return m + " 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15";
            default: throw new AssertionError(op);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOpcode_parsesAndReadsBack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            tests.add(DynamicTest.dynamicTest(op.name(), () -> {
                String wat = PRELUDE + " (func $fn (local $l i32) " + text(op) + "))";
                WasmModule m = WatParser.parseModule(wat, op.mnemonic() + ".wat");
                CodeReader r = new CodeReader(m.codes().get(0).body(), Features.ALL);
                List<Opcode> ops = new ArrayList<>();
                while (r.hasNext()) {
                    ops.add(r.next());
                }
                assertFalse(ops.isEmpty());
                assertEquals(Opcode.END, ops.get(ops.size() - 1));
                assertEquals(true, ops.contains(op), ops.toString());
            }));
        }
        return tests.stream();
    }
}
