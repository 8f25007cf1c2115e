package dev.robusta.runtime.internal;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.Global;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.Table;

import java.util.Map;

/**
 * A module instance: the runtime objects of every index space (imported ones first), the element and data
 * segments not yet dropped, and the exports. Engines read the fields directly.
 */
public final class ModuleInstance implements Instance {
    private final Module module;
    public final ModuleCode code;
    public final FunctionInstance[] functions;
    public final TableInstance[] tables;
    public final ByteArrayMemory[] memories;
    /** Memory 0, or null. */
    public final ByteArrayMemory memory0;
    public final GlobalInstance[] globals;
    public final TagInstance[] tags;
    /** Element segments as resolved references; a dropped segment is empty. */
    public final Object[][] elements;
    /** Data segments; a dropped segment is empty. */
    public final byte[][] datas;
    /** Set by {@link #interrupt()}, cleared by the trap it causes. */
    public volatile boolean interruptRequested;
    private Map<String, Object> exports = Map.of();

    public ModuleInstance(Module module, ModuleCode code, FunctionInstance[] functions, TableInstance[] tables,
                          ByteArrayMemory[] memories, GlobalInstance[] globals, TagInstance[] tags, Object[][] elements,
                          byte[][] datas) {
        this.module = module;
        this.code = code;
        this.functions = functions;
        this.tables = tables;
        this.memories = memories;
        this.memory0 = memories.length > 0 ? memories[0] : null;
        this.globals = globals;
        this.tags = tags;
        this.elements = elements;
        this.datas = datas;
    }

    void setExports(Map<String, Object> exports) {
        this.exports = exports;
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public Function function(String name) {
        return export(name, Function.class, "function");
    }

    @Override
    public Memory memory(String name) {
        return export(name, Memory.class, "memory");
    }

    @Override
    public Table table(String name) {
        return export(name, Table.class, "table");
    }

    @Override
    public Global global(String name) {
        return export(name, Global.class, "global");
    }

    @Override
    public Object export(String name) {
        Object value = exports.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no export named \"" + name + "\"");
        }
        return value;
    }

    private <T> T export(String name, Class<T> type, String kind) {
        Object value = export(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("export \"" + name + "\" is not a " + kind);
        }
        return type.cast(value);
    }

    @Override
    public Map<String, Object> exports() {
        return exports;
    }

    @Override
    public void interrupt() {
        interruptRequested = true;
        Limits.requestChecks();
    }

    @Override
    public String toString() {
        return "Instance[" + module + "]";
    }
}
