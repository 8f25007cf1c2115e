package dev.robusta.runtime.internal;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.engine.Engine;
import dev.robusta.runtime.internal.engine.Engines;
import dev.robusta.runtime.internal.engine.PreparedModule;
import dev.robusta.runtime.internal.interpreter.LoweredFunction;
import dev.robusta.runtime.internal.interpreter.Lowerer;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.WasmModule;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What instances of one module share: the validated model, the configuration, the interned function types,
 * each function's code as lowered for the interpreter (lowered at its first call), and the module as
 * prepared by its engine (at its first instantiation).
 */
public final class ModuleCode {
    private final WasmModule model;
    private final RuntimeConfig config;
    private final FuncType[] types;
    private final CanonicalTypes.Type[] canonical;
    private final AtomicReferenceArray<LoweredFunction> lowered;
    /** The engine of the configuration, or null for the interpreter. */
    private final Engine engine;
    private volatile PreparedModule prepared;
    /** The SHA-256 of the binary the module was decoded from, or null. */
    private final byte[] sha256;

    public ModuleCode(WasmModule model, RuntimeConfig config) {
        this(model, config, null);
    }

    /** @param sha256 the SHA-256 of the binary {@code model} was decoded from, or null when not known */
    public ModuleCode(WasmModule model, RuntimeConfig config, byte[] sha256) {
        this.sha256 = sha256 == null ? null : sha256.clone();
        this.model = model;
        this.config = config;
        List<SubType> subTypes = model.types();
        this.types = new FuncType[subTypes.size()];
        for (int i = 0; i < types.length; i++) {
            if (subTypes.get(i).compositeType() instanceof FuncType) {
                types[i] = FuncTypes.canonical((FuncType) subTypes.get(i).compositeType());
            }
        }
        this.canonical = CanonicalTypes.of(model);
        this.lowered = new AtomicReferenceArray<>(model.functions().size());
        this.engine = Engines.resolve(config.engine());
    }

    /** The module as prepared by its engine, prepared on first use (the module's first instantiation). */
    public PreparedModule prepared() {
        PreparedModule p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    PhaseTimer.end("link");
                    p = engine == null ? Engines.INTERPRETER : engine.prepare(this);
                    PhaseTimer.end("compile");
                    prepared = p;
                }
            }
        }
        return p;
    }

    /** The SHA-256 of the binary the module was decoded from, or null when not known (a module from text). */
    public byte[] sha256() {
        return sha256 == null ? null : sha256.clone();
    }

    public WasmModule model() {
        return model;
    }

    public RuntimeConfig config() {
        return config;
    }

    /** The interned function type at {@code typeIdx}, or null when that type is not a function type. */
    public FuncType funcType(int typeIdx) {
        return types[typeIdx];
    }

    /** The identity of type {@code typeIdx} across modules ({@link CanonicalTypes}). */
    public CanonicalTypes.Type canonicalType(int typeIdx) {
        return canonical[typeIdx];
    }

    /** The identities of the types by type index. Not to be modified. */
    public CanonicalTypes.Type[] canonicalTypes() {
        return canonical;
    }

    /** The interned function types by type index (null for other types). Not to be modified. */
    public FuncType[] funcTypes() {
        return types;
    }

    /** The interned type of function {@code funcIdx}. */
    public FuncType funcTypeOf(int funcIdx) {
        return types[model.funcTypeIdx(funcIdx)];
    }

    /** The lowered code of defined function {@code funcIdx}, lowering it on first use. */
    public LoweredFunction lowered(int funcIdx) {
        int i = funcIdx - model.importedFuncCount();
        LoweredFunction f = lowered.get(i);
        if (f == null) {
            f = Lowerer.lower(this, funcIdx);
            if (!lowered.compareAndSet(i, null, f)) {
                f = lowered.get(i);
            }
        }
        return f;
    }

    /** How a function appears in a wasm stack trace: {@code "func 3 (fib)"} or {@code "func 3"}. */
    public String frameName(int funcIdx) {
        String name = model.names().functionNames().get(funcIdx);
        return name == null ? "func " + funcIdx : "func " + funcIdx + " (" + name + ")";
    }
}
