package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.WasmFunction;
import dev.robusta.runtime.internal.engine.PreparedModule;
import org.objectweb.asm.MethodTooLargeException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;

/**
 * A module compiled to a hidden class (one per module, shared by its instances, unloaded with the module).
 * Functions that the JVM cannot hold as one method are left to the interpreter, each with a warning.
 */
final class CompiledModule implements PreparedModule {
    private static final System.Logger LOG = System.getLogger("dev.robusta.compiler");

    private final ModuleCode code;
    private final BitSet interpreted;
    private final int[] typeIdOf;
    private final int[] dispatchIdxOf;
    private final int maxResultSlots;
    private final MethodHandle constructor;

    private CompiledModule(ModuleCode code, ClassGenerator gen, BitSet interpreted, MethodHandle constructor) {
        this.code = code;
        this.interpreted = interpreted;
        this.typeIdOf = gen.typeIdOf;
        this.dispatchIdxOf = gen.dispatchIdxOf;
        this.maxResultSlots = gen.maxResultSlots();
        this.constructor = constructor;
    }

    /** Compiles {@code code}; functions the JVM cannot hold are left to the interpreter. */
    static CompiledModule compile(ModuleCode code) {
        BitSet interpreted = new BitSet();
        int imported = code.model().importedFuncCount();
        ClassGenerator probe = new ClassGenerator(code, interpreted);
        for (int i = imported; i < code.model().funcCount(); i++) {
            try {
                FunctionCompiler.checkLimits(probe, i);
            } catch (FunctionCompiler.TooLargeException e) {
                leave(code, i, e.getMessage(), interpreted);
            }
        }
        while (true) {
            ClassGenerator gen = new ClassGenerator(code, interpreted);
            byte[] bytes;
            try {
                bytes = gen.generate();
            } catch (MethodTooLargeException e) {
                String name = e.getMethodName();
                if (!name.startsWith("f")) {
                    throw new IllegalStateException("generated method " + name + " is too large", e);
                }
                int funcIdx = Integer.parseInt(name.substring(1));
                leave(code, funcIdx, e.getCodeSize() + " bytes of bytecode (the JVM allows 65,535)", interpreted);
                continue;
            }
            return new CompiledModule(code, gen, interpreted, define(bytes));
        }
    }

    private static void leave(ModuleCode code, int funcIdx, String why, BitSet interpreted) {
        LOG.log(System.Logger.Level.WARNING, "robusta compiler: " + code.frameName(funcIdx)
                + " is left to the interpreter: " + why);
        interpreted.set(funcIdx - code.model().importedFuncCount());
    }

    private static MethodHandle define(byte[] bytes) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return lookup.findConstructor(lookup.lookupClass(),
                    MethodType.methodType(void.class, Exec.class, InstanceState.class));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot define the compiled class", e);
        }
    }

    Ctx newCtx(Exec exec, InstanceState state) {
        exec.ensureResults(maxResultSlots);
        try {
            return (Ctx) constructor.invoke(exec, state);
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
