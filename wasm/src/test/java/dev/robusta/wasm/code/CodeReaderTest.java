package dev.robusta.wasm.code;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodeReaderTest {

    private static Opcode first(Features features, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new CodeReader(Expression.of(b), features).next();
    }

    private static String error(Features features, int... bytes) {
        return assertThrows(CompileException.class, () -> first(features, bytes)).getMessage();
    }

    @Test
    void illegalOpcode_isNamedAsTheReferenceInterpreterDoes() {
        assertEquals("illegal opcode ff", error(Features.V3, 0xFF));
        assertEquals("illegal opcode 06", error(Features.V2, 0x06)); // try, without exception handling
        assertEquals("illegal opcode fc 1a", error(Features.V3, 0xFC, 0x1A));
    }

    @Test
    void memarg_alignmentExponent_isBelow32In2_0AndFlagsBelow0x80In3_0() {
        assertEquals(Opcode.I32_LOAD, first(Features.V2, 0x28, 31, 0));
        assertEquals("malformed memop flags", error(Features.V2, 0x28, 32, 0));
        assertEquals(Opcode.I32_LOAD, first(Features.V3, 0x28, 0x40 | 2, 1, 0)); // memory index 1
        assertEquals("malformed memop flags", error(Features.V3, 0x28, 0x80, 0x01, 0));
    }
}
