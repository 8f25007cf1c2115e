package dev.robusta.runtime;

import static dev.robusta.wasm.Opcode.LOCAL_GET;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;

import java.util.List;

/** Test helpers: a function made of one instruction applied to its parameters. */
final class Instructions {
    private Instructions() {
    }

    /** {@code (func (param params...) (result result) local.get 0 ... local.get n-1 op)}. */
    static Function of(Opcode op, List<ValType> params, ValType result) {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(WasmBuilder.type(params, result == null ? List.of() : List.of(result)), w -> {
            for (int i = 0; i < params.size(); i++) {
                w.op(LOCAL_GET).u32(i);
            }
            w.op(op);
        });
        return b.exportFunc("f", f).instantiate().function("f");
    }

    /** {@code local.get 0 ... local.get n-1 op} with any results, compiled under {@code config}. */
    static Function ofConfig(Opcode op, List<ValType> params, List<ValType> results, RuntimeConfig config) {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(WasmBuilder.type(params, results), w -> {
            for (int i = 0; i < params.size(); i++) {
                w.op(LOCAL_GET).u32(i);
            }
            w.op(op);
        });
        return b.exportFunc("f", f).build(config).instantiate().function("f");
    }

    static long f32(float v) {
        return Float.floatToRawIntBits(v);
    }

    static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
