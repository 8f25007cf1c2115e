package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helper: builds modules through the model API and validates them. */
final class Fixture {
    final WasmModule m = new WasmModule();
    Features features = Features.V2;

    static Fixture module() {
        return new Fixture();
    }

    static FuncType type(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    static List<ValType> types(ValType... ts) {
        return Arrays.asList(ts);
    }

    Fixture features(Features f) {
        this.features = f;
        return this;
    }

    /** Adds a function type; returns its index. */
    int addType(FuncType ft) {
        return m.addFuncType(ft);
    }

    /** Adds a function of a new type with the body {@code body} (which must end with {@code end}). */
    Fixture func(FuncType ft, Asm body, LocalGroup... locals) {
        return func(addType(ft), body.expr(), locals);
    }

    Fixture func(int typeIdx, Expression body, LocalGroup... locals) {
        m.functions().add(typeIdx);
        m.codes().add(new FunctionBody(List.of(locals), body));
        return this;
    }

    /** A function [] -> [] whose body is {@code body} then end. */
    Fixture func(Asm body) {
        return func(type(types(), types()), body.end());
    }

    Fixture importFunc(FuncType ft) {
        m.addImport(new Import("m", "f" + m.imports().size(), new FuncTypeUse(addType(ft))));
        return this;
    }

    Fixture importGlobal(ValType t, boolean mutable) {
        m.addImport(new Import("m", "g" + m.imports().size(), new GlobalType(t, mutable)));
        return this;
    }

    Fixture importMemory(Limits l) {
        m.addImport(new Import("m", "mem" + m.imports().size(), new MemoryType(l)));
        return this;
    }

    Fixture importTable(ValType t, Limits l) {
        m.addImport(new Import("m", "t" + m.imports().size(), new TableType(t, l)));
        return this;
    }

    Fixture memory(long min) {
        m.memories().add(new MemoryType(Limits.of(min)));
        return this;
    }

    Fixture memory(MemoryType mt) {
        m.memories().add(mt);
        return this;
    }

    Fixture table(ValType t, long min) {
        m.tables().add(new Table(new TableType(t, Limits.of(min)), null));
        return this;
    }

    Fixture table(TableType tt) {
        m.tables().add(new Table(tt, null));
        return this;
    }

    /** A table with an initializer expression (as needed for non-nullable element types). */
    Fixture table(TableType tt, Asm init) {
        m.tables().add(new Table(tt, init.end().expr()));
        return this;
    }

    Fixture global(ValType t, boolean mutable, Asm init) {
        m.globals().add(new Global(new GlobalType(t, mutable), init.expr()));
        return this;
    }

    Fixture export(String name, ExternKind kind, int index) {
        m.exports().add(new Export(name, kind, index));
        return this;
    }

    /** An active element segment in table 0 at offset 0 listing functions by index. */
    Fixture elemFuncs(int... funcs) {
        List<Expression> init = new ArrayList<>();
        for (int f : funcs) {
            init.add(Asm.code().op(Opcode.REF_FUNC, f).end().expr());
        }
        m.elements().add(new ElemSegment(0, SegmentMode.ACTIVE, 0, Asm.code().i32(0).end().expr(),
                ValType.FUNCREF, init));
        return this;
    }

    Fixture elem(ElemSegment seg) {
        m.elements().add(seg);
        return this;
    }

    /** A passive data segment. */
    Fixture data() {
        m.datas().add(new DataSegment(1, SegmentMode.PASSIVE, 0, null, new byte[] {1}));
        return this;
    }

    Fixture data(DataSegment seg) {
        m.datas().add(seg);
        return this;
    }

    void valid() {
        Validator.validate(m, features);
    }

    /** Asserts the module is invalid with a message beginning with {@code prefix}; returns the error. */
    CompileException invalid(String prefix) {
        CompileException e = assertThrows(CompileException.class, () -> Validator.validate(m, features));
        assertEquals(CompileException.Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(prefix), () -> "expected \"" + prefix + "\" but was \"" + e.getMessage() + "\"");
        return e;
    }

    CompileException malformed(String prefix) {
        CompileException e = assertThrows(CompileException.class, () -> Validator.validate(m, features));
        assertEquals(CompileException.Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(prefix), () -> "expected \"" + prefix + "\" but was \"" + e.getMessage() + "\"");
        return e;
    }
}
