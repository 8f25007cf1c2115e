package dev.robusta.testsuite;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.Global;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.V128;
import dev.robusta.testsuite.Outcome.Status;
import dev.robusta.text.wast.Action;
import dev.robusta.text.wast.BinaryModule;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Expected;
import dev.robusta.text.wast.ModuleSource;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.Value;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the directives of one WAST script in order, keeping the script's state: the current instance, named
 * instances and module definitions, registered module names and the {@code spectest} module.
 *
 * <p>Text modules are parsed to the model and compiled from it, as the specification's interpreter does
 * (encoding them first would turn some invalid modules malformed: wat2wasm, whose output we match, writes
 * no data count section for code that uses an undeclared data segment). Error messages must begin with the
 * script's expected text, except for malformed text modules, where any parse error is the pass (the text
 * parser's wording is its own).
 */
public final class WastRunner {
    private final String file;
    private final RuntimeConfig config;
    private final Imports.Builder spectest = SpecTestModule.create();
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, Module> definitions = new HashMap<>();
    private final Map<String, Instance> registered = new LinkedHashMap<>();
    private Instance current;
    private Module lastDefinition;

    /**
     * @param file   the script's name, for outcomes
     * @param config the runtime configuration, whose features the script is written for
     */
    public WastRunner(String file, RuntimeConfig config) {
        this.file = file;
        this.config = config;
    }

    /** Runs every directive of a script with a new runner. */
    public static List<Outcome> runAll(Script script, RuntimeConfig config) {
        WastRunner runner = new WastRunner(script.fileName(), config);
        List<Outcome> out = new ArrayList<>();
        for (Directive d : script.directives()) {
            out.add(runner.run(d));
        }
        return out;
    }

    /** Runs one directive; never throws (a failure of Robusta itself is a FAILED outcome). */
    public Outcome run(Directive d) {
        String kind = kindOf(d);
        try {
            String failure = execute(d);
            if (failure == null) {
                return Outcome.passed(file, d.line(), kind);
            }
            if (failure.startsWith(SKIP)) {
                return new Outcome(file, d.line(), kind, Status.SKIPPED, failure.substring(SKIP.length()));
            }
            return new Outcome(file, d.line(), kind, Status.FAILED, failure);
        } catch (Throwable t) { // report, never crash the run: a StackOverflowError here is a Robusta bug
            return new Outcome(file, d.line(), kind, Status.FAILED, "unexpected " + describe(t));
        }
    }

    private static final String SKIP = "skip:";

    /** Executes a directive: null when it passed, else why not (or SKIP + the reason). */
    private String execute(Directive d) {
        if (d instanceof Directive.DefineModule) {
            return defineModule((Directive.DefineModule) d);
        } else if (d instanceof Directive.InstantiateModule) {
            Directive.InstantiateModule im = (Directive.InstantiateModule) d;
            Module m = im.moduleId() == null ? lastDefinition : definitions.get(im.moduleId());
            if (m == null) {
                return "no module definition " + im.moduleId();
            }
            current = m.instantiate(imports());
            if (im.instanceId() != null) {
                instances.put(im.instanceId(), current);
            }
            return null;
        } else if (d instanceof Directive.Register) {
            Directive.Register r = (Directive.Register) d;
            Instance i = instance(r.moduleId());
            registered.put(r.name(), i);
            return null;
        } else if (d instanceof Directive.Perform) {
            perform(((Directive.Perform) d).action());
            return null;
        } else if (d instanceof Directive.AssertReturn) {
            return assertReturn((Directive.AssertReturn) d);
        } else if (d instanceof Directive.AssertTrap) {
            Directive.AssertTrap t = (Directive.AssertTrap) d;
            return expectTrap(t.action(), t.message());
        } else if (d instanceof Directive.AssertExhaustion) {
            Directive.AssertExhaustion t = (Directive.AssertExhaustion) d;
            return expectTrap(t.action(), t.message());
        } else if (d instanceof Directive.AssertMalformed) {
            Directive.AssertMalformed m = (Directive.AssertMalformed) d;
            return expectCompileError(m.module(), CompileException.Kind.MALFORMED, m.message());
        } else if (d instanceof Directive.AssertInvalid) {
            Directive.AssertInvalid m = (Directive.AssertInvalid) d;
            return expectCompileError(m.module(), CompileException.Kind.INVALID, m.message());
        } else if (d instanceof Directive.AssertUnlinkable) {
            return assertUnlinkable((Directive.AssertUnlinkable) d);
        } else if (d instanceof Directive.AssertUninstantiable) {
            return assertUninstantiable((Directive.AssertUninstantiable) d);
        } else if (d instanceof Directive.AssertException) {
            return SKIP + "exception handling is not supported by the engines yet";
        } else if (d instanceof Directive.AssertSuspension) {
            return SKIP + "stack switching is not supported";
        } else if (d instanceof Directive.AssertMalformedCustom || d instanceof Directive.AssertInvalidCustom) {
            return SKIP + "custom annotations are not interpreted (they are skipped as annotations)";
        }
        return "unknown directive " + d;
    }

    private String defineModule(Directive.DefineModule d) {
        Module m = compile(d.source());
        if (!d.instantiate()) {
            lastDefinition = m;
            if (d.id() != null) {
                definitions.put(d.id(), m);
            }
            return null;
        }
        current = m.instantiate(imports());
        if (d.id() != null) {
            instances.put(d.id(), current);
        }
        return null;
    }

    private Imports imports() {
        Imports.Builder b = spectest.build().toBuilder();
        registered.forEach(b::instance);
        return b.build();
    }

    private Module compile(ModuleSource source) {
        if (source instanceof BinaryModule) {
            return Module.compile(((BinaryModule) source).bytes(), config);
        }
        return Module.of(parse(source), config);
    }

    private WasmModule parse(ModuleSource source) {
        if (source instanceof TextModule) {
            return ((TextModule) source).parse(config.features());
        }
        return ((QuoteModule) source).parse(config.features());
    }

    private Instance instance(String id) {
        Instance i = id == null ? current : instances.get(id);
        if (i == null) {
            throw new IllegalStateException(id == null ? "no current instance" : "no instance $" + id);
        }
        return i;
    }

    // ---- actions ----

    /** Performs an action and returns its results (used by the differential test, which compares engines). */
    List<Actual> perform(Action action) {
        Instance inst = instance(action.moduleId());
        if (action instanceof Action.Get) {
            Global g = inst.global(action.name());
            ValType t = g.type().valType();
            return List.of(t.isNumber() ? new Actual(t, g.getLong(), 0, null) : Actual.ofBoxed(t, g.get()));
        }
        Action.Invoke inv = (Action.Invoke) action;
        Function f = inst.function(inv.name());
        FuncType type = f.type();
        List<Actual> results = new ArrayList<>();
        if (isRaw(type)) {
            long[] raw = f.call(rawArgs(inv.args()));
            int slot = 0;
            for (ValType t : type.results()) {
                results.add(Actual.ofRaw(t, raw, slot));
                slot += t.isVector() ? 2 : 1;
            }
        } else {
            Object[] out = f.apply(boxedArgs(inv.args()));
            for (int i = 0; i < out.length; i++) {
                results.add(Actual.ofBoxed(type.results().get(i), out[i]));
            }
        }
        return results;
    }

    /** Whether a function is called through the raw form: no references among its parameters and results. */
    private static boolean isRaw(FuncType type) {
        for (ValType t : type.params()) {
            if (t.isReference()) {
                return false;
            }
        }
        for (ValType t : type.results()) {
            if (t.isReference()) {
                return false;
            }
        }
        return true;
    }

    private static long[] rawArgs(List<Value> args) {
        int n = 0;
        for (Value v : args) {
            n += v instanceof Value.V128 ? 2 : 1;
        }
        long[] raw = new long[n];
        int i = 0;
        for (Value v : args) {
            if (v instanceof Value.I32) {
                raw[i++] = ((Value.I32) v).value();
            } else if (v instanceof Value.I64) {
                raw[i++] = ((Value.I64) v).value();
            } else if (v instanceof Value.F32) {
                raw[i++] = ((Value.F32) v).bits();
            } else if (v instanceof Value.F64) {
                raw[i++] = ((Value.F64) v).bits();
            } else if (v instanceof Value.V128) {
                raw[i++] = ((Value.V128) v).lo();
                raw[i++] = ((Value.V128) v).hi();
            } else {
                throw new IllegalArgumentException("a reference argument to a numeric function: " + v);
            }
        }
        return raw;
    }

    private static Object[] boxedArgs(List<Value> args) {
        Object[] out = new Object[args.size()];
        for (int i = 0; i < out.length; i++) {
            Value v = args.get(i);
            if (v instanceof Value.I32) {
                out[i] = ((Value.I32) v).value();
            } else if (v instanceof Value.I64) {
                out[i] = ((Value.I64) v).value();
            } else if (v instanceof Value.F32) {
                out[i] = Float.intBitsToFloat(((Value.F32) v).bits());
            } else if (v instanceof Value.F64) {
                out[i] = Double.longBitsToDouble(((Value.F64) v).bits());
            } else if (v instanceof Value.V128) {
                out[i] = new V128(((Value.V128) v).lo(), ((Value.V128) v).hi());
            } else if (v instanceof Value.RefNull) {
                out[i] = null;
            } else if (v instanceof Value.RefExtern) {
                out[i] = new ExternRef(((Value.RefExtern) v).n());
            } else if (v instanceof Value.RefHost) {
                out[i] = new ExternRef(((Value.RefHost) v).n());
            } else {
                throw new IllegalArgumentException("unsupported argument " + v);
            }
        }
        return out;
    }

    // ---- assertions ----

    private String assertReturn(Directive.AssertReturn d) {
        List<Actual> actual = perform(d.action());
        List<Expected> expected = d.results();
        if (actual.size() != expected.size()) {
            return "expected " + expected.size() + " results, got " + actual;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!ResultMatcher.matches(expected.get(i), actual.get(i))) {
                return "result " + i + ": expected " + expected.get(i) + ", got " + actual.get(i);
            }
        }
        return null;
    }

    private String expectTrap(Action action, String message) {
        try {
            List<Actual> results = perform(action);
            return "expected trap \"" + message + "\", got " + results;
        } catch (TrapException e) {
            return messageCheck(e, message);
        }
    }

    private String expectCompileError(ModuleSource source, CompileException.Kind kind, String message) {
        if (kind == CompileException.Kind.MALFORMED && !(source instanceof BinaryModule)) {
            try {
                parse(source);
                return "expected malformed text (\"" + message + "\"), but it parsed";
            } catch (CompileException e) {
                return e.kind() == CompileException.Kind.MALFORMED ? null : "expected malformed, got " + describe(e);
            }
        }
        try {
            compile(source);
            return "expected " + kind.name().toLowerCase() + " module (\"" + message + "\"), but it compiled";
        } catch (CompileException e) {
            if (e.kind() != kind) {
                return "expected " + kind.name().toLowerCase() + " (\"" + message + "\"), got " + describe(e);
            }
            return messageCheck(e, message);
        }
    }

    private String assertUnlinkable(Directive.AssertUnlinkable d) {
        Module m = compile(d.module());
        try {
            m.instantiate(imports());
            return "expected link error \"" + d.message() + "\", but it instantiated";
        } catch (LinkException e) {
            return messageCheck(e, d.message());
        }
    }

    private String assertUninstantiable(Directive.AssertUninstantiable d) {
        Module m = compile(d.module());
        try {
            m.instantiate(imports());
            return "expected trap \"" + d.message() + "\" at instantiation, but it instantiated";
        } catch (TrapException e) {
            return messageCheck(e, d.message());
        }
    }

    private static String messageCheck(RuntimeException e, String expected) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.startsWith(expected) ? null : "expected \"" + expected + "\", got " + describe(e);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The script keyword of a directive. */
    static String kindOf(Directive d) {
        if (d instanceof Directive.DefineModule) {
            return "module";
        } else if (d instanceof Directive.InstantiateModule) {
            return "module instance";
        } else if (d instanceof Directive.Register) {
            return "register";
        } else if (d instanceof Directive.Perform) {
            return ((Directive.Perform) d).action() instanceof Action.Get ? "get" : "invoke";
        } else if (d instanceof Directive.AssertReturn) {
            return "assert_return";
        } else if (d instanceof Directive.AssertTrap) {
            return "assert_trap";
        } else if (d instanceof Directive.AssertExhaustion) {
            return "assert_exhaustion";
        } else if (d instanceof Directive.AssertMalformed) {
            return "assert_malformed";
        } else if (d instanceof Directive.AssertInvalid) {
            return "assert_invalid";
        } else if (d instanceof Directive.AssertUnlinkable) {
            return "assert_unlinkable";
        } else if (d instanceof Directive.AssertUninstantiable) {
            return "assert_uninstantiable";
        } else if (d instanceof Directive.AssertException) {
            return "assert_exception";
        } else if (d instanceof Directive.AssertSuspension) {
            return "assert_suspension";
        } else if (d instanceof Directive.AssertMalformedCustom) {
            return "assert_malformed_custom";
        }
        return "assert_invalid_custom";
    }
}
