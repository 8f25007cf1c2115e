package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.FUNCREF;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Interpreted code calls functions of other engines (such as the compiler) through their {@code invoke}. */
class OtherEngineFunctionTest {
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    /** A function of a stand-in engine: doubles its argument. */
    private static final class Doubler extends FunctionInstance {
        Doubler() {
            super(I32_TO_I32);
        }

        @Override
        public void invoke(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
            results[0] = (int) args[0] * 2;
        }
    }

    @Test
    void directIndirectAndTailCalls_toAnotherEnginesFunction() {
        Doubler doubler = new Doubler();
        WasmBuilder b = new WasmBuilder();
        int imported = b.importFunc("other", "double", I32_TO_I32);
        b.importTable("other", "table", FUNCREF, Limits.of(1));
        int typeIdx = b.typeIdx(I32_TO_I32);
        int direct = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(CALL).u32(imported);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        });
        int indirect = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(0);
            w.op(CALL_INDIRECT).u32(typeIdx).u32(0);
        });
        Table table = Table.create(new dev.robusta.wasm.TableType(FUNCREF, Limits.of(1)));
        table.set(0, doubler);
        Instance inst = b.exportFunc("direct", direct).exportFunc("indirect", indirect)
                .instantiate(Imports.builder().function("other", "double", doubler).table("other", "table", table).build());
        assertEquals(43, inst.function("direct").callInt(21));
        assertEquals(42, inst.function("indirect").callInt(21));
    }
}
