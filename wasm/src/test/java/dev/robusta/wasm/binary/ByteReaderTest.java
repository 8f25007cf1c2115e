package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteReaderTest {

    private static ByteReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteReader(b);
    }

    private static void assertMalformed(String message, Runnable read) {
        CompileException e = assertThrows(CompileException.class, read::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void u32_lastByteWithUnusedBitsAndContinuation_isTooLargeFirst() {
        assertMalformed("integer too large", () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x9F, 0x00).u32());
        assertMalformed("integer representation too long", () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32());
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).u32());
    }

    @Test
    void s32_lastByteChecksSignBitsBeforeContinuation() {
        assertMalformed("integer too large", () -> reader(0x80, 0x80, 0x80, 0x80, 0xF0, 0x00).s32());
        assertMalformed("integer representation too long", () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F).s32());
        assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).s32());
    }

    @Test
    void vecLength_beyondTheBytesFromItsOwnStart_isLengthOutOfBounds() {
        // the count byte itself is counted, as in the reference interpreter's len32
        assertEquals(2, reader(2, 0).vecLength(0));
        assertMalformed("length out of bounds", () -> reader(3, 0).vecLength(0));
        // within that, but more elements than the bytes left can hold
        assertMalformed("unexpected end of section or function", () -> reader(2, 0).vecLength(1));
        CompileException e = assertThrows(CompileException.class, () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).vecLength(1));
        assertEquals(0, e.offset());
    }

    @Test
    void name_checksLengthThenBytesThenUtf8() {
        assertEquals("hé", reader(3, 'h', 0xC3, 0xA9).name());
        assertMalformed("length out of bounds", () -> reader(5, 'a', 'b').name());
        assertMalformed("unexpected end of section or function", () -> reader(3, 'a', 'b').name());
        assertMalformed("malformed UTF-8 encoding", () -> reader(2, 0xC0, 0x80).name()); // overlong
        assertMalformed("malformed UTF-8 encoding", () -> reader(3, 0xED, 0xA0, 0x80).name()); // surrogate
    }

    @Test
    void byteVec_andBytes_checkBeforeAllocating() {
        assertEquals(2, reader(2, 7, 8).byteVec().length);
        assertMalformed("unexpected end of section or function", () -> reader(1, 2, 3).bytes(4));
        assertMalformed("length out of bounds", () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).byteVec());
    }

    @Test
    void readingPastTheEnd_isUnexpectedEnd() {
        CompileException e = assertThrows(CompileException.class, () -> reader(0x80).u32());
        assertTrue(e.getMessage().startsWith("unexpected end"));
        assertEquals(1, e.offset());
    }
}
