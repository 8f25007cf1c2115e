package dev.robusta.runtime.internal.interpreter;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;

/**
 * Which instructions the interpreter runs, checked when a module is compiled: a valid module that uses any
 * other is rejected then, with {@link CompileException.Kind#UNSUPPORTED}, rather than when the function is
 * first called. The {@link Lowerer} is the authority; this list says the same in one place, and
 * {@code InterpreterSupportSuiteTest} checks the two agree over every module of the 3.0 suite.
 */
public final class InterpreterSupport {
    private InterpreterSupport() {
    }

    /** Whether the interpreter lowers {@code op}. */
    public static boolean supports(Opcode op) {
        switch (op.prefix()) {
            case Opcode.PREFIX_GC:
            case Opcode.PREFIX_THREADS:
                return false; // GC; shared memories and atomics
            case Opcode.PREFIX_MISC:
                // saturating truncations and bulk memory (0..17), wide arithmetic (0x13..0x16)
                return op.code() <= 17 || (op.code() >= 0x13 && op.code() <= 0x16);
            default:
                break;
        }
        switch (op) {
            case TRY: case CATCH: case CATCH_ALL: case DELEGATE: case RETHROW: // legacy exception handling
            case REF_EQ: // GC's eqref
                return false;
            default:
                return true;
        }
    }

    /**
     * Throws when a defined function uses an instruction the interpreter does not run.
     *
     * @throws CompileException of kind UNSUPPORTED, naming the instruction and the function
     */
    public static void check(WasmModule module, Features features) {
        if (!mayUseUnsupported(features)) {
            return;
        }
        int imported = module.importedFuncCount();
        for (int i = 0; i < module.codes().size(); i++) {
            check(module.codes().get(i).body(), features, "function " + (imported + i));
        }
        for (int i = 0; i < module.globals().size(); i++) {
            check(module.globals().get(i).init(), features, "initializer of global " + (module.importedGlobalCount() + i));
        }
        for (int i = 0; i < module.tables().size(); i++) {
            Expression init = module.tables().get(i).init();
            if (init != null) {
                check(init, features, "initializer of table " + (module.importedTableCount() + i));
            }
        }
        for (int i = 0; i < module.elements().size(); i++) {
            for (Expression init : module.elements().get(i).init()) {
                check(init, features, "element segment " + i);
            }
        }
    }

    /**
     * Whether code read with {@code features} can hold an instruction the interpreter does not run: the
     * {@link CodeReader} reads those only with GC, threads or exception handling on, so a module of
     * WebAssembly 2.0 (most programs) needs no second pass over its code.
     */
    static boolean mayUseUnsupported(Features features) {
        return features.gc() || features.threads() || features.exceptions();
    }

    private static void check(Expression code, Features features, String where) {
        CodeReader r = new CodeReader(code, features);
        while (r.hasNext()) {
            Opcode op = r.next();
            if (!supports(op)) {
                throw new CompileException(CompileException.Kind.UNSUPPORTED, "unsupported instruction "
                        + op.mnemonic() + ": the interpreter does not run it yet (" + where + ")",
                        code.offset() < 0 ? -1 : r.instructionOffset());
            }
        }
    }
}
