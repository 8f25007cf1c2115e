package dev.robusta.runtime;

import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.NameSection;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds module models in tests, with bodies written through {@link CodeWriter}. */
final class WasmBuilder {
    static final ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64,
            V128 = ValType.V128, FUNCREF = ValType.FUNCREF, EXTERNREF = ValType.EXTERNREF;

    final WasmModule m = new WasmModule();
    private final Map<FuncType, Integer> typeIndex = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    static FuncType type(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    int typeIdx(FuncType t) {
        return typeIndex.computeIfAbsent(t, m::addFuncType);
    }

    int importFunc(String module, String name, FuncType t) {
        m.addImport(new Import(module, name, new FuncTypeUse(typeIdx(t))));
        return m.importedFuncCount() - 1;
    }

    int importMemory(String module, String name, Limits limits) {
        m.addImport(new Import(module, name, new MemoryType(limits)));
        return m.importedMemoryCount() - 1;
    }

    int importTable(String module, String name, ValType elem, Limits limits) {
        m.addImport(new Import(module, name, new TableType(elem, limits)));
        return m.importedTableCount() - 1;
    }

    int importGlobal(String module, String name, ValType t, boolean mutable) {
        m.addImport(new Import(module, name, new GlobalType(t, mutable)));
        return m.importedGlobalCount() - 1;
    }

    /** A function with a body written by {@code body}; {@code end} is appended. Returns its index. */
    int func(FuncType t, List<ValType> locals, Consumer<CodeWriter> body) {
        m.functions().add(typeIdx(t));
        List<LocalGroup> groups = new ArrayList<>();
        for (ValType l : locals) {
            groups.add(new LocalGroup(1, l));
        }
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(Opcode.END);
        m.codes().add(new FunctionBody(groups, w.toExpression()));
        return m.funcCount() - 1;
    }

    int func(FuncType t, Consumer<CodeWriter> body) {
        return func(t, List.of(), body);
    }

    /** A function with locals given as groups (count, type). */
    int funcWithLocalGroups(FuncType t, List<LocalGroup> groups, Consumer<CodeWriter> body) {
        m.functions().add(typeIdx(t));
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(Opcode.END);
        m.codes().add(new FunctionBody(groups, w.toExpression()));
        return m.funcCount() - 1;
    }

    WasmBuilder name(int funcIdx, String name) {
        names.put(funcIdx, name);
        return this;
    }

    WasmBuilder export(String name, ExternKind kind, int index) {
        m.exports().add(new Export(name, kind, index));
        return this;
    }

    WasmBuilder exportFunc(String name, int funcIdx) {
        return export(name, ExternKind.FUNC, funcIdx);
    }

    int memory(Limits limits) {
        m.memories().add(new MemoryType(limits));
        return m.memoryCount() - 1;
    }

    int table(ValType elem, Limits limits) {
        m.tables().add(new Table(new TableType(elem, limits), null));
        return m.tableCount() - 1;
    }

    int global(ValType t, boolean mutable, Consumer<CodeWriter> init) {
        m.globals().add(new Global(new GlobalType(t, mutable), constExpr(init)));
        return m.globalCount() - 1;
    }

    static Expression constExpr(Consumer<CodeWriter> body) {
        CodeWriter w = new CodeWriter();
        body.accept(w);
        w.op(Opcode.END);
        return w.toExpression();
    }

    static Expression i32Const(int v) {
        return constExpr(w -> w.op(Opcode.I32_CONST).s32(v));
    }

    static Expression refFunc(int f) {
        return constExpr(w -> w.op(Opcode.REF_FUNC).u32(f));
    }

    /** An active data segment in memory 0. */
    WasmBuilder data(int offset, byte[] bytes) {
        m.datas().add(new DataSegment(0, SegmentMode.ACTIVE, 0, i32Const(offset), bytes));
        return this;
    }

    WasmBuilder passiveData(byte[] bytes) {
        m.datas().add(new DataSegment(1, SegmentMode.PASSIVE, 0, null, bytes));
        return this;
    }

    /** An active element segment of function indices in table {@code table}. */
    WasmBuilder elem(int table, int offset, int... funcs) {
        List<Expression> init = new ArrayList<>();
        for (int f : funcs) {
            init.add(refFunc(f));
        }
        m.elements().add(new ElemSegment(table == 0 ? 0 : 2, SegmentMode.ACTIVE, table, i32Const(offset),
                FUNCREF, init));
        return this;
    }

    WasmBuilder passiveElem(int... funcs) {
        List<Expression> init = new ArrayList<>();
        for (int f : funcs) {
            init.add(refFunc(f));
        }
        m.elements().add(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, FUNCREF, init));
        return this;
    }

    WasmBuilder declarativeElem(int... funcs) {
        List<Expression> init = new ArrayList<>();
        for (int f : funcs) {
            init.add(refFunc(f));
        }
        m.elements().add(new ElemSegment(3, SegmentMode.DECLARATIVE, 0, null, FUNCREF, init));
        return this;
    }

    WasmBuilder start(int funcIdx) {
        m.setStart(funcIdx);
        return this;
    }

    WasmModule model() {
        if (!names.isEmpty()) {
            m.setNames(new NameSection(null, Map.copyOf(names), Map.of()));
        }
        return m;
    }

    Module build(RuntimeConfig config) {
        return Module.of(model(), config);
    }

    Module build() {
        return build(RuntimeConfig.DEFAULT);
    }

    Instance instantiate() {
        return build().instantiate();
    }

    Instance instantiate(Imports imports) {
        return build().instantiate(imports);
    }
}
