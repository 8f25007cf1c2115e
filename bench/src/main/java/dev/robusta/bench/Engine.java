package dev.robusta.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.wasm.Parser;
import dev.robusta.runtime.Function;
import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;

import java.util.function.IntUnaryOperator;

/** The runtimes compared: ours and the peers, each turning a workload into a callable function. */
public enum Engine {
    /** Robusta's interpreter. */
    ROBUSTA_INTERPRETER {
        @Override
        IntUnaryOperator load(Workload w) {
            return robusta(w, EngineKind.INTERPRETER);
        }
    },
    /** Robusta's compiler (JVM bytecode). */
    ROBUSTA_COMPILER {
        @Override
        IntUnaryOperator load(Workload w) {
            return robusta(w, EngineKind.COMPILER);
        }
    },
    /** Chicory 1.7.5's interpreter. */
    CHICORY_INTERPRETER {
        @Override
        IntUnaryOperator load(Workload w) {
            ExportFunction f = com.dylibso.chicory.runtime.Instance.builder(Parser.parse(w.wasm())).build()
                    .export(w.export());
            return n -> (int) f.apply(n)[0];
        }
    },
    /** Chicory 1.7.5's compiler (JVM bytecode). */
    CHICORY_COMPILER {
        @Override
        IntUnaryOperator load(Workload w) {
            ExportFunction f = com.dylibso.chicory.runtime.Instance.builder(Parser.parse(w.wasm()))
                    .withMachineFactory(MachineFactoryCompiler::compile).build()
                    .export(w.export());
            return n -> (int) f.apply(n)[0];
        }
    };

    /** Instantiates the workload and returns its exported function. */
    abstract IntUnaryOperator load(Workload w);

    private static IntUnaryOperator robusta(Workload w, EngineKind engine) {
        Function f = Module.compile(w.wasm(), RuntimeConfig.DEFAULT.withEngine(engine)).instantiate()
                .function(w.export());
        return n -> f.callInt(n);
    }
}
