package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeWriter;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.robusta.wasm.validate.Fixture.module;
import static dev.robusta.wasm.validate.Fixture.type;
import static dev.robusta.wasm.validate.Fixture.types;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input gives a {@link CompileException} and nothing else: random instruction sequences (well-encoded,
 * with small random immediates) and random bytes, in a module with a little of everything.
 */
class ValidatorRobustnessTest {
    private static final Opcode[] OPS = Opcode.values();

    @Test
    void randomInstructions_onlyCompileExceptions() {
        Random rnd = new Random(20261121);
        int valid = 0;
        for (int i = 0; i < 10_000; i++) {
            Features f = rnd.nextBoolean() ? Features.V2 : Features.V3;
            CodeWriter w = new CodeWriter();
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                writeRandom(w, OPS[rnd.nextInt(OPS.length)], rnd);
            }
            w.op(Opcode.END);
            if (check(f, w.toByteArray())) {
                valid++;
            }
        }
        assertTrue(valid > 0, "some random sequences are valid");
    }

    @Test
    void randomBytes_onlyCompileExceptions() {
        Random rnd = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[1 + rnd.nextInt(24)];
            rnd.nextBytes(b);
            b[b.length - 1] = 0x0B;
            check(rnd.nextBoolean() ? Features.V2 : Features.V3, b);
        }
    }

    /** Validates a module whose function 1 has {@code body}; true when valid. */
    private static boolean check(Features f, byte[] body) {
        Fixture m = module().features(f).importGlobal(ValType.I32, true).importTable(ValType.FUNCREF, Limits.of(1))
                .memory(1).global(ValType.I64, false, Asm.code().i64(0).end()).data().table(ValType.EXTERNREF, 1);
        m.func(type(types(ValType.I32, ValType.F32), types(ValType.I32)), Asm.code().i32(0).end());
        m.func(m.addType(type(types(ValType.I32, ValType.F64), types(ValType.I32))), new dev.robusta.wasm.Expression(body, 10),
                new LocalGroup(2, ValType.I64), new LocalGroup(1, ValType.V128));
        m.elemFuncs(0, 1);
        try {
            Validator.validate(m.m, f);
            return true;
        } catch (CompileException e) {
            return false;
        } catch (RuntimeException | Error e) {
            fail("unexpected " + e + " for " + java.util.HexFormat.of().formatHex(body), e);
            return false;
        }
    }

    private static void writeRandom(CodeWriter w, Opcode op, Random rnd) {
        w.op(op);
        switch (op.immKind()) {
            case NONE: break;
            case BLOCK_TYPE:
                switch (rnd.nextInt(3)) {
                    case 0: w.blockTypeEmpty(); break;
                    case 1: w.blockType(ValType.I32); break;
                    default: w.blockTypeIndex(rnd.nextInt(4)); break;
                }
                break;
            case TRY_TABLE:
                w.blockTypeEmpty();
                w.u32(1);
                w.u8(2);
                w.u32(rnd.nextInt(3));
                break;
            case BR_TABLE:
                w.u32(2);
                w.u32(rnd.nextInt(3));
                w.u32(rnd.nextInt(3));
                w.u32(rnd.nextInt(3));
                break;
            case BR_ON_CAST:
                w.u8(rnd.nextInt(4));
                w.u32(rnd.nextInt(3));
                w.heapType(ValType.HT_ANY);
                w.heapType(ValType.HT_EQ);
                break;
            case MEM_IDX:
                w.u8(0);
                break;
            case MEM_MEM:
                w.u8(0);
                w.u8(0);
                break;
            case MEM_DATA:
                w.u32(rnd.nextInt(2));
                w.u8(0);
                break;
            case SELECT_T:
                w.u32(rnd.nextInt(3));
                w.valType(ValType.I32);
                w.valType(ValType.I32);
                break;
            case HEAP_TYPE:
                w.heapType(rnd.nextBoolean() ? ValType.HT_FUNC : rnd.nextInt(5));
                break;
            case MEMARG: case MEMARG_LANE:
                w.memarg(rnd.nextInt(6), 0, rnd.nextInt(100));
                if (op.immKind() == ImmKind.MEMARG_LANE) {
                    w.u8(rnd.nextInt(20));
                }
                break;
            case I32: w.s32(rnd.nextInt()); break;
            case I64: w.s64(rnd.nextLong()); break;
            case F32: w.fixed32(rnd.nextInt()); break;
            case F64: w.fixed64(rnd.nextLong()); break;
            case V128: case SHUFFLE:
                w.fixed64(rnd.nextLong() & 0x1F1F1F1F1F1F1F1FL);
                w.fixed64(rnd.nextLong());
                break;
            case LANE: w.u8(rnd.nextInt(20)); break;
            case ZERO_BYTE: w.u8(0); break;
            case CALL_INDIRECT: case TYPE_FIELD: case TYPE_U32: case TYPE_DATA: case TYPE_ELEM: case TYPE_TYPE:
            case TABLE_TABLE: case TABLE_ELEM:
                w.u32(rnd.nextInt(4));
                w.u32(rnd.nextInt(3));
                break;
            default: // one u32 index
                w.u32(rnd.nextInt(rnd.nextInt(10) == 0 ? Integer.MAX_VALUE : 5));
                break;
        }
    }
}
