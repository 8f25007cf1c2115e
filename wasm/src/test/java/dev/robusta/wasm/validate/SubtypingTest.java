package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
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
            new RecType(List.of(SubType.of(FuncType.of(List.of(), List.of())))),
            new RecType(List.of(new SubType(false, List.of(), new StructType(List.of())))),
            new RecType(List.of(new SubType(true, List.of(1), new StructType(List.of(new FieldType(I32, false)))))),
            new RecType(List.of(new SubType(true, List.of(), new ArrayType(new FieldType(I8, true)))))));

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

    @Test
    void equivalentRecursionGroups_sameType() {
        // 0: (func (param (ref 0))) alone; 1: the same alone; 2,3: a group of two; 4,5: the same group.
        SubType selfRef0 = SubType.of(FuncType.of(List.of(ref(true, 0)), List.of()));
        SubType selfRef1 = SubType.of(FuncType.of(List.of(ref(true, 1)), List.of()));
        SubType a2 = SubType.of(FuncType.of(List.of(ref(true, 3)), List.of()));
        SubType b3 = SubType.of(FuncType.of(List.of(), List.of(ref(true, 2))));
        SubType a4 = SubType.of(FuncType.of(List.of(ref(true, 5)), List.of()));
        SubType b5 = SubType.of(FuncType.of(List.of(), List.of(ref(true, 4))));
        SubType c6 = SubType.of(FuncType.of(List.of(ref(true, 0)), List.of()));
        SubType c7 = SubType.of(FuncType.of(List.of(ref(true, 1)), List.of()));
        Subtyping t = new Subtyping(List.of(new RecType(List.of(selfRef0)), new RecType(List.of(selfRef1)),
                new RecType(List.of(a2, b3)), new RecType(List.of(a4, b5)), new RecType(List.of(c6)),
                new RecType(List.of(c7))));
        assertTrue(t.sameType(0, 1));
        assertTrue(t.sameType(2, 4));
        assertTrue(t.sameType(3, 5));
        assertFalse(t.sameType(2, 3));
        assertTrue(t.sameType(6, 7)); // refer to equivalent types outside their groups
        assertTrue(t.matches(ref(false, 1), ref(true, 0)));
        assertFalse(t.sameType(0, 2));
    }

    @Test
    void compositeMatches_variance() {
        FuncType takesAny = FuncType.of(List.of(ANYREF), List.of(I31REF));
        FuncType takesEq = FuncType.of(List.of(EQREF), List.of(EQREF));
        assertTrue(s.compositeMatches(takesAny, takesEq));
        assertFalse(s.compositeMatches(takesEq, takesAny));
        StructType wide = new StructType(List.of(new FieldType(I31REF, false), new FieldType(I32, true)));
        StructType narrow = new StructType(List.of(new FieldType(EQREF, false)));
        assertTrue(s.compositeMatches(wide, narrow));
        assertFalse(s.compositeMatches(narrow, wide));
        StructType mutableI31 = new StructType(List.of(new FieldType(I31REF, true)));
        StructType mutableEq = new StructType(List.of(new FieldType(EQREF, true)));
        assertFalse(s.compositeMatches(mutableI31, mutableEq));
        assertFalse(s.compositeMatches(new ArrayType(new FieldType(I8, false)), new ArrayType(new FieldType(I16, false))));
        assertFalse(s.compositeMatches(new ArrayType(new FieldType(I32, false)), narrow));
    }
}
