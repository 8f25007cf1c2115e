package dev.robusta.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.util.List;

class CanonicalTypesTest {
    private static final FuncType VOID = FuncType.of(List.of(), List.of());
    private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    @Test
    void wasm20FunctionTypes_areIdenticalWhenStructurallyEqual_acrossModulesAndHost() {
        WasmModule a = new WasmModule();
        a.addFuncType(VOID);
        a.addFuncType(I32_TO_I32);
        WasmModule b = new WasmModule();
        b.addFuncType(I32_TO_I32);
        CanonicalTypes.Type[] ta = CanonicalTypes.of(a);
        CanonicalTypes.Type[] tb = CanonicalTypes.of(b);
        assertSame(ta[1], tb[0]);
        assertSame(ta[1], CanonicalTypes.of(I32_TO_I32));
        assertNotSame(ta[0], ta[1]);
    }

    @Test
    void recursionGroups_typesAreIdenticalOnlyAtTheSamePositionOfEqualGroups() {
        // (rec (type $t1 (func)) (type $t2 (func))) in two modules, and a lone (type (func))
        WasmModule a = new WasmModule();
        a.addRecType(new RecType(List.of(SubType.of(VOID), SubType.of(VOID))));
        WasmModule b = new WasmModule();
        b.addRecType(new RecType(List.of(SubType.of(VOID), SubType.of(VOID))));
        CanonicalTypes.Type[] ta = CanonicalTypes.of(a);
        CanonicalTypes.Type[] tb = CanonicalTypes.of(b);
        assertSame(ta[0], tb[0]);
        assertSame(ta[1], tb[1]);
        assertNotSame(ta[0], ta[1], "same structure, different positions of the group");
        assertNotSame(ta[0], CanonicalTypes.of(VOID), "a type of a group of two is not the lone type");
    }

    @Test
    void referencesToOtherTypes_compareByIdentity_andDeclaredSupertypesMakeSubtypes() {
        // type 0: (func (param i32) (result i32)); type 1: (sub (func (param (ref 0))))
        // type 2: (sub final 1 (func (param (ref 0))))
        WasmModule m = new WasmModule();
        m.addFuncType(I32_TO_I32);
        FuncType takesRef0 = FuncType.of(List.of(ValType.ref(false, 0)), List.of());
        m.addRecType(new RecType(List.of(new SubType(false, List.of(), takesRef0))));
        m.addRecType(new RecType(List.of(new SubType(true, List.of(1), takesRef0))));
        WasmModule other = new WasmModule();
        other.addFuncType(VOID);
        other.addFuncType(I32_TO_I32);
        other.addRecType(new RecType(List.of(new SubType(false, List.of(), FuncType.of(List.of(ValType.ref(false, 1)),
                List.of())))));
        CanonicalTypes.Type[] t = CanonicalTypes.of(m);
        CanonicalTypes.Type[] o = CanonicalTypes.of(other);
        assertSame(t[1], o[2], "(ref 0) here and (ref 1) there name the same type");
        assertTrue(t[2].isSubtypeOf(t[1]));
        assertTrue(t[2].isSubtypeOf(o[2]));
        assertFalse(t[1].isSubtypeOf(t[2]));
        assertNotSame(t[1], t[2]);
    }
}
