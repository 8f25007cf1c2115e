package dev.robusta.wasm.validate;

import dev.robusta.wasm.LocalGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.wasm.ValType.F32;
import static dev.robusta.wasm.ValType.F64;
import static dev.robusta.wasm.ValType.I32;
import static dev.robusta.wasm.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LocalsTest {
    @Test
    void type_small_paramsThenGroups() {
        Locals l = Locals.of(List.of(I32, F64), List.of(new LocalGroup(2, I64), new LocalGroup(0, F32),
                new LocalGroup(1, F32)));
        assertEquals(5, l.count());
        assertEquals(I32, l.type(0));
        assertEquals(F64, l.type(1));
        assertEquals(I64, l.type(2));
        assertEquals(I64, l.type(3));
        assertEquals(F32, l.type(4));
        assertNull(l.type(5));
        assertNull(l.type(-1));
    }

    @Test
    void type_huge_binarySearchOverGroups() {
        Locals l = Locals.of(List.of(F64), List.of(new LocalGroup(100_000, I64), new LocalGroup(0, I32),
                new LocalGroup(-1, F32)));
        assertEquals(1 + 100_000 + 0xFFFF_FFFFL, l.count());
        assertEquals(F64, l.type(0));
        assertEquals(I64, l.type(1));
        assertEquals(I64, l.type(100_000));
        assertEquals(F32, l.type(100_001));
        assertEquals(F32, l.type(Integer.MAX_VALUE));
        assertEquals(F32, l.type(-2)); // u32 4294967294 is still below the count
    }

    @Test
    void type_huge_pastTheEnd_null() {
        Locals l = Locals.of(List.of(), List.of(new LocalGroup(Locals.EXPAND_LIMIT, I32), new LocalGroup(1, I64)));
        assertEquals(I64, l.type(Locals.EXPAND_LIMIT));
        assertNull(l.type(Locals.EXPAND_LIMIT + 1));
    }
}
