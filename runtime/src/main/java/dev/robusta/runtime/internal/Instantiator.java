package dev.robusta.runtime.internal;

import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.WasmModule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instantiates a module: links the imports, allocates the memories, tables and globals (initialising the
 * globals in order), evaluates the element segments, builds the exports, then runs the active element
 * segments and the active data segments in order (each bounds-checked before it writes; declarative segments
 * are dropped) and finally the start function.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/modules.html#instantiation">Instantiation</a>
 */
public final class Instantiator {
    private static final Object[] NO_ELEMENTS = new Object[0];
    private static final byte[] NO_DATA = new byte[0];
    private static final long[] NO_SLOTS = new long[0];

    private Instantiator() {
    }

    /** Instantiates {@code module} with {@code imports}; see {@link Module#instantiate(Imports)}. */
    public static Instance instantiate(Module module, ModuleCode code, Imports imports) {
        WasmModule m = code.model();
        RuntimeConfig config = code.config();
        Features features = config.features();
        Object[] resolved = Linker.resolve(m, code, imports);

        FunctionInstance[] functions = new FunctionInstance[m.funcCount()];
        TableInstance[] tables = new TableInstance[m.tableCount()];
        ByteArrayMemory[] memories = new ByteArrayMemory[m.memoryCount()];
        GlobalInstance[] globals = new GlobalInstance[m.globalCount()];
        TagInstance[] tags = new TagInstance[m.tagCount()];
        int fi = 0, ti = 0, mi = 0, gi = 0, xi = 0;
        List<Import> importList = m.imports();
        for (int i = 0; i < resolved.length; i++) {
            switch (importList.get(i).kind()) {
                case FUNC: functions[fi++] = (FunctionInstance) resolved[i]; break;
                case TABLE: tables[ti++] = (TableInstance) resolved[i]; break;
                case MEMORY: memories[mi++] = (ByteArrayMemory) resolved[i]; break;
                case GLOBAL: globals[gi++] = (GlobalInstance) resolved[i]; break;
                case TAG: tags[xi++] = (TagInstance) resolved[i]; break;
                default: throw new AssertionError(importList.get(i).kind());
            }
        }
        for (var type : m.memories()) {
            memories[mi++] = ByteArrayMemory.create(type, config.maxMemoryPages());
        }
        for (var tag : m.tags()) {
            tags[xi++] = new TagInstance(code.funcType(tag.typeIdx()), code.canonicalType(tag.typeIdx()));
        }

        Object[][] elements = new Object[m.elements().size()][];
        byte[][] datas = new byte[m.datas().size()][];
        ModuleInstance instance = new ModuleInstance(module, code, functions, tables, memories, globals, tags, elements,
                datas);
        code.prepared().createFunctions(instance, functions);
        for (Global g : m.globals()) {
            GlobalInstance global = new GlobalInstance(g.type());
            int ht = g.type().valType().heapType();
            if (g.type().valType().isReference() && ht >= 0) {
                Object composite = m.types().get(ht).compositeType();
                global.concreteHeapKind = composite instanceof dev.robusta.wasm.FuncType ? dev.robusta.wasm.ValType.HT_FUNC
                        : composite instanceof dev.robusta.wasm.StructType ? dev.robusta.wasm.ValType.HT_STRUCT
                        : dev.robusta.wasm.ValType.HT_ARRAY;
            }
            ConstantExpressions.Value v = ConstantExpressions.evaluate(g.init(), instance, features);
            global.value = v.lo();
            global.hi = v.hi();
            global.ref = v.ref();
            globals[gi++] = global;
        }
        for (Table t : m.tables()) {
            Object init = t.init() == null ? null : ConstantExpressions.evaluate(t.init(), instance, features).ref();
            tables[ti++] = TableInstance.create(t.type(), init, config.maxTableElements());
        }
        List<ElemSegment> elemSegments = m.elements();
        for (int i = 0; i < elements.length; i++) {
            ElemSegment seg = elemSegments.get(i);
            Object[] refs = new Object[seg.init().size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstantExpressions.evaluate(seg.init().get(j), instance, features).ref();
            }
            elements[i] = refs;
        }
        List<DataSegment> dataSegments = m.datas();
        for (int i = 0; i < datas.length; i++) {
            datas[i] = dataSegments.get(i).init();
        }
        instance.setExports(exports(m, instance));

        for (int i = 0; i < elements.length; i++) {
            ElemSegment seg = elemSegments.get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                long offset = ConstantExpressions.evaluate(seg.offset(), instance, features).lo();
                TableInstance table = tables[seg.tableIdx()];
                initTable(table, elements[i], table.index(offset));
                elements[i] = NO_ELEMENTS;
            } else if (seg.mode() == SegmentMode.DECLARATIVE) {
                elements[i] = NO_ELEMENTS;
            }
        }
        for (int i = 0; i < datas.length; i++) {
            DataSegment seg = dataSegments.get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                long offset = ConstantExpressions.evaluate(seg.offset(), instance, features).lo();
                ByteArrayMemory memory = memories[seg.memIdx()];
                initMemory(memory, datas[i], memory.is64 ? (offset < 0 ? Long.MAX_VALUE : offset) : offset & 0xFFFF_FFFFL);
                datas[i] = NO_DATA;
            }
        }
        if (m.start() >= 0) {
            functions[m.start()].invoke(instance, NO_SLOTS, null, NO_SLOTS, null);
        }
        return instance;
    }

    /** {@code table.init} of a whole segment at a non-negative offset. */
    private static void initTable(TableInstance table, Object[] refs, long start) {
        if (start > table.size - refs.length) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(refs, 0, table.elements, (int) start, refs.length);
    }

    /** {@code memory.init} of a whole segment at a non-negative offset. */
    private static void initMemory(ByteArrayMemory memory, byte[] data, long start) {
        int length = memory.length;
        byte[] bytes = memory.bytes;
        if (start > (long) length - data.length) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(data, 0, bytes, (int) start, data.length);
    }

    private static Map<String, Object> exports(WasmModule m, ModuleInstance instance) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Export e : m.exports()) {
            Object value;
            switch (e.kind()) {
                case FUNC: value = instance.functions[e.index()]; break;
                case TABLE: value = instance.tables[e.index()]; break;
                case MEMORY: value = instance.memories[e.index()]; break;
                case GLOBAL: value = instance.globals[e.index()]; break;
                case TAG: value = instance.tags[e.index()]; break;
                default: continue;
            }
            out.put(e.name(), value);
        }
        return Collections.unmodifiableMap(out);
    }
}
