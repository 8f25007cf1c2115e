package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.wasm.ValType.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubtypingTest {
    // 0: func, 1: struct, 2: struct <: 1, 3: array
    private final Subtyping s = new Subtyping(List.of(
            SubType.of(FuncType.of(List.of(), List.of())),
            new SubType(false, List.of(), new StructType(List.of())),
            new SubType(true, List.of(1), new StructType(List.of(new FieldType(I32, false)))),
            new SubType(true, List.of(), new ArrayType(new FieldType(I8, true)))));

    @Test
    void numbers_onlyEqual() {
        assertTrue(s.matches(I32, I32));
        assertFalse(s.matches(I32, I64));
        assertFalse(s.matches(V128, I32));
        assertFalse(s.matches(FUNCREF, I32));
    }

    @Test
    void unknown_matchesAnything() {
        assertTrue(s.matches(null, I32));
        assertTrue(s.matches(null, EXTERNREF));
    }

    @Test
    void references_2_0() {
        assertTrue(s.matches(FUNCREF, FUNCREF));
        assertFalse(s.matches(FUNCREF, EXTERNREF));
        assertFalse(s.matches(EXTERNREF, FUNCREF));
    }

    @Test
    void nullability() {
        assertTrue(s.matches(ref(false, HT_FUNC), FUNCREF));
        assertFalse(s.matches(FUNCREF, ref(false, HT_FUNC)));
    }

    @Test
    void abstractHierarchies() {
        assertTrue(s.matches(I31REF, EQREF));
        assertTrue(s.matches(EQREF, ANYREF));
        assertTrue(s.matches(NULLREF, STRUCTREF));
        assertTrue(s.matches(NULLFUNCREF, FUNCREF));
        assertTrue(s.matches(NULLEXTERNREF, EXTERNREF));
        assertFalse(s.matches(NULLREF, FUNCREF));
        assertFalse(s.matches(ANYREF, EQREF));
        assertFalse(s.matches(EXTERNREF, ANYREF));
    }

    @Test
    void definedTypes() {
        assertTrue(s.matches(ref(false, 0), FUNCREF));
        assertFalse(s.matches(ref(false, 0), ANYREF));
        assertTrue(s.matches(ref(true, 2), ref(true, 1)));
        assertFalse(s.matches(ref(true, 1), ref(true, 2)));
        assertTrue(s.matches(ref(true, 2), STRUCTREF));
        assertTrue(s.matches(ref(true, 3), ARRAYREF));
        assertTrue(s.matches(ref(true, 3), EQREF));
        assertFalse(s.matches(ref(true, 3), STRUCTREF));
        assertTrue(s.matches(NULLFUNCREF, ref(true, 0)));
        assertTrue(s.matches(NULLREF, ref(true, 2)));
        assertFalse(s.matches(NULLREF, ref(true, 0)));
    }
}
