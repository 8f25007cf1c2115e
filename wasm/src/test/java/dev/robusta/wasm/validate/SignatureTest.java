package dev.robusta.wasm.validate;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureTest {
    @Test
    void parse_paramsAndResults() {
        Signature s = Signature.parse("iI>F");
        assertArrayEquals(new ValType[] {ValType.I32, ValType.I64}, s.params);
        assertArrayEquals(new ValType[] {ValType.F64}, s.results);
        assertFalse(s.hasAddress);
    }

    @Test
    void parse_addressOperandIsNull() {
        Signature s = Signature.parse("aV>");
        assertTrue(s.hasAddress);
        assertNull(s.params[0]);
        assertArrayEquals(new ValType[] {ValType.V128}, new ValType[] {s.params[1]});
        assertArrayEquals(new ValType[0], s.results);
    }

    @Test
    void parse_malformed_throws() {
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("ii"));
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("x>i"));
    }

    @Test
    void of_everyOpcodeSignatureParses() {
        for (Opcode op : Opcode.values()) {
            Signature s = Signature.of(op);
            if (op.signature() == null) {
                assertNull(s, op.mnemonic());
            } else {
                assertTrue(s.params.length + s.results.length + 1 == op.signature().length(), op.mnemonic());
            }
        }
    }
}
