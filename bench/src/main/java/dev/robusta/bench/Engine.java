package dev.robusta.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.wasm.Parser;
import dev.robusta.runtime.Function;
import dev.robusta.runtime.Module;

import java.util.function.IntUnaryOperator;

/** The runtimes compared: ours and the peers, each turning a workload into a callable function. */
public enum Engine {
    /** Robusta's interpreter. */
    ROBUSTA_INTERPRETER {
        @Override
        IntUnaryOperator load(Workload w) {
            Function f = Module.compile(w.wasm()).instantiate().function(w.export());
            return n -> f.callInt(n);
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
}
