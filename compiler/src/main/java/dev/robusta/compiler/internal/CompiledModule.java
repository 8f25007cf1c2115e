package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.WasmFunction;
import dev.robusta.runtime.internal.engine.PreparedModule;
import dev.robusta.wasm.Features;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled module: the classes of {@link ClassGenerator}, defined by a {@link CodeLoader} of the module's own
 * as they are first used (shared by the module's instances, unloaded with the module), and optionally kept in
 * a {@link CodeCache}. A function whose locals do not fit a JVM method, or that does not fit methods the JVM
 * loads even split ({@link Split}), runs in the interpreter, alone, with a warning; a module with a function
 * whose parameters do not fit a JVM descriptor is not compiled (see {@link CompilerEngine}).
 */
final class CompiledModule implements PreparedModule {
    private final ModuleCode code;
    private final BitSet interpreted;
    private final int[] typeIdOf;
    private final int[] dispatchIdxOf;
    private final int maxResultSlots;
    private final CodeLoader loader;
    private final ClassGenerator gen;
    private volatile MethodHandle constructor;

    private CompiledModule(ModuleCode code, ClassGenerator gen, BitSet interpreted, CodeLoader loader) {
        this.code = code;
        this.interpreted = interpreted;
        this.typeIdOf = gen.typeIdOf;
        this.dispatchIdxOf = gen.dispatchIdxOf;
        this.maxResultSlots = gen.maxResultSlots();
        this.loader = loader;
        this.gen = gen;
    }

    /**
     * Prepares {@code code} for compilation: its functions are compiled at their first call.
     *
     * @throws UnsupportedOperationException when a function cannot be a JVM method (too many parameters or
     *     locals) or (with features beyond 2.0) uses an instruction the compiler does not support: the caller
     *     leaves the whole module to the interpreter
     */
    static CompiledModule compile(ModuleCode code) {
        BitSet interpreted = new BitSet();
        for (int i = code.model().importedFuncCount(); i < code.model().funcCount(); i++) {
            try {
                FunctionCompiler.checkLimits(code, i);
            } catch (FunctionCompiler.TooLargeException e) {
                interpret(code, interpreted, i, e.getMessage());
            }
        }
        ClassGenerator gen = new ClassGenerator(code, interpreted);
        // beyond 2.0, a function may use an instruction the compiler does not support (it finds out while
        // compiling): then all functions are compiled now, so that such a module is left to the interpreter
        Map<String, byte[]> generated = new HashMap<>();
        if (generatesEagerly(code)) {
            for (int i = code.model().importedFuncCount(); i < code.model().funcCount(); i++) {
                String name = ClassGenerator.functionClass(i);
                generated.put(name.substring(ClassGenerator.PACKAGE.length()), gen.generate(name));
            }
        }
        Optional<Path> root = code.config().codeCache();
        CodeCache cache = root.map(r -> CodeCache.open(r, code)).orElse(null);
        return new CompiledModule(code, gen, interpreted, new CodeLoader(loaderName(code), gen, cache, generated));
    }

    /** Whether {@link #compile} generates every function at once (features beyond 2.0). */
    private static boolean generatesEagerly(ModuleCode code) {
        return !code.config().features().equals(Features.V2);
    }

    /**
     * The defined functions (by function index) that run in the interpreter when {@code code} is compiled:
     * compiles every function now, as their first calls would (for {@code robusta inspect}). All of them when
     * the compiler leaves the whole module to the interpreter.
     */
    static List<Integer> interpretedFunctions(ModuleCode code) {
        int imported = code.model().importedFuncCount();
        List<Integer> all = new ArrayList<>();
        for (int i = imported; i < code.model().funcCount(); i++) {
            all.add(i);
        }
        if (Support.unsupported(code.model()) != null) {
            return all;
        }
        try {
            CompiledModule compiled = compile(code);
            boolean generated = generatesEagerly(code);
            List<Integer> interpreted = new ArrayList<>();
            for (int i : all) {
                if (compiled.interpreted.get(i - imported)) {
                    interpreted.add(i);
                } else {
                    if (!generated) {
                        compiled.gen.generate(ClassGenerator.functionClass(i));
                    }
                    if (compiled.gen.fellBack(i)) {
                        interpreted.add(i);
                    }
                }
            }
            return interpreted;
        } catch (UnsupportedOperationException e) {
            return all;
        }
    }

    /** Leaves function {@code funcIdx} to the interpreter, with a warning. */
    private static void interpret(ModuleCode code, BitSet interpreted, int funcIdx, String why) {
        interpreted.set(funcIdx - code.model().importedFuncCount());
        Warnings.leftToInterpreter(code, funcIdx, why);
    }

    private static String loaderName(ModuleCode code) {
        String name = code.model().names().moduleName();
        return "wasm:" + (name == null ? "module" : name);
    }

    /** Sees every class the compiler defines (tests: the sizes of its methods). */
    static volatile java.util.function.Consumer<byte[]> classListener;

    /**
     * Writes a class to the folder named by {@code robusta.compiler.dump}, for inspection with javap, and shows
     * it to the {@link #classListener}.
     */
    static void dump(String simpleName, byte[] bytes) {
        java.util.function.Consumer<byte[]> listener = classListener;
        if (listener != null) {
            listener.accept(bytes);
        }
        String dir = System.getProperty("robusta.compiler.dump");
        if (dir != null) {
            try {
                Path d = Files.createDirectories(Path.of(dir));
                Files.write(d.resolve(simpleName + "-" + System.nanoTime() + ".class"), bytes);
            } catch (IOException | RuntimeException e) {
                Warnings.warn("robusta compiler: cannot dump the class: " + e);
            }
        }
    }

    /** The loader of the module's classes (for tests). */
    CodeLoader loader() {
        return loader;
    }

    private MethodHandle constructor() {
        MethodHandle c = constructor;
        if (c == null) {
            try {
                Class<?> m = Class.forName(ClassGenerator.NAME.replace('/', '.'), true, loader);
                c = MethodHandles.publicLookup().findConstructor(m,
                        MethodType.methodType(void.class, Exec.class, InstanceState.class));
            } catch (ClassNotFoundException | IllegalAccessException | NoSuchMethodException e) {
                throw new CompilerBugException("robusta compiler: cannot make the module class", e);
            }
            constructor = c;
        }
        return c;
    }

    Ctx newCtx(Exec exec, InstanceState state) {
        exec.ensureResults(maxResultSlots);
        try {
            return (Ctx) constructor().invoke(exec, state);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void createFunctions(ModuleInstance instance, FunctionInstance[] functions) {
        InstanceState state = new InstanceState(this, instance);
        int imported = code.model().importedFuncCount();
        for (int i = imported; i < functions.length; i++) {
            int d = i - imported;
            functions[i] = interpreted.get(d) ? new WasmFunction(instance, i)
                    : new CompiledFunction(state, i, typeIdOf[d], dispatchIdxOf[d]);
        }
    }
}
