package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.WasmFunction;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompilerEngineTest {
    private static final String ADD = "(module (func (export \"add\") (param i32 i32) (result i32)"
            + " (i32.add (local.get 0) (local.get 1))))";

    @Test
    void auto_compilerPresent_compiles() {
        Instance i = Wat.module(ADD, RuntimeConfig.DEFAULT).instantiate();
        assertInstanceOf(CompiledFunction.class, i.function("add"));
        assertEquals(5, i.function("add").callInt(2, 3));
    }

    @Test
    void interpreter_chosen_interprets() {
        Instance i = Wat.module(ADD, Wat.INTERPRETER).instantiate();
        assertInstanceOf(WasmFunction.class, i.function("add"));
    }

    @Test
    void moduleBeyond20_leftToTheInterpreter_stillRuns() {
        String wat = "(module (memory 1) (memory $b 1) (func (export \"f\") (result i32)"
                + " (i32.store $b (i32.const 8) (i32.const 42)) (i32.load $b (i32.const 8))))";
        RuntimeConfig config = Wat.COMPILER.withFeatures(Features.V3);
        Instance i = Module.of(WatParser.parseModule(wat, "t", Features.V3), config).instantiate();
        assertInstanceOf(WasmFunction.class, i.function("f"));
        assertEquals(42, i.function("f").callInt());
    }

    @Test
    void functionOver64KB_splitIntoPieces_computesTheSame() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 12_000; k++) {
            body.append("(local.set 1 (i32.add (local.get 1) (i32.xor (local.get 0) (i32.const ").append(k * 7919)
                    .append(")))) ");
        }
        String wat = "(module (func (export \"big\") (param i32) (result i32) (local i32) " + body
                + " (local.get 1))"
                + " (func (export \"caller\") (param i32) (result i32) (i32.add (call 0 (local.get 0)) (i32.const 1))))";
        Instance compiled = Wat.compiled(wat);
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        List<String> warnings = new ArrayList<>();
        Warnings.listener = warnings::add;
        try {
            assertInstanceOf(CompiledFunction.class, compiled.function("big"));
            assertInstanceOf(CompiledFunction.class, compiled.function("caller"));
            assertEquals(interpreted.function("big").callInt(12345), compiled.function("big").callInt(12345));
            assertEquals(interpreted.function("caller").callInt(7), compiled.function("caller").callInt(7));
        } finally {
            Warnings.listener = null;
        }
        assertEquals(List.of(), warnings, "split into pieces, no function is left to the interpreter");
    }

    @Test
    void trap_insideNestedCalls_hasWasmStackTrace() {
        Instance i = Wat.compiled("(module (func $inner (param i32) (result i32)"
                + " (i32.div_s (i32.const 1) (local.get 0)))"
                + " (func $outer (export \"outer\") (param i32) (result i32) (call $inner (local.get 0))))");
        TrapException e = assertThrows(TrapException.class, () -> i.function("outer").callInt(0));
        assertEquals(Trap.INTEGER_DIVIDE_BY_ZERO, e.trap());
        assertEquals(List.of("func 0 (inner)", "func 1 (outer)"), e.wasmStackTrace());
    }

    @Test
    void deepRecursion_beyondMaxDepth_trapsCallStackExhausted() {
        Module m = Wat.module("(module (func $f (export \"f\") (param i32) (result i32)"
                + " (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))"
                + " (else (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1))))))))",
                Wat.COMPILER.withMaxCallDepth(500));
        Instance i = m.instantiate();
        assertEquals(499, i.function("f").callInt(499));
        TrapException e = assertThrows(TrapException.class, () -> i.function("f").callInt(500));
        assertEquals(Trap.CALL_STACK_EXHAUSTED, e.trap());
    }

    @Test
    void multiValue_throughCallsAndBlocks_returnsAll() {
        Instance i = Wat.compiled("(module (func $swap (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))"
                + " (func (export \"f\") (param i32 i64) (result i64 i32 f64)"
                + " (block (result i64 i32) (call $swap (local.get 0) (local.get 1)))"
                + " (f64.const 2.5)))");
        long[] r = i.function("f").call(7, 9);
        assertEquals(List.of(9L, 7L, Double.doubleToRawLongBits(2.5)), List.of(r[0], r[1], r[2]));
    }

    @Test
    void engineCompiler_chosenExplicitly_isCompiler() {
        RuntimeConfig config = RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER);
        assertInstanceOf(CompiledFunction.class, Wat.module(ADD, config).instantiate().function("add"));
    }
}
