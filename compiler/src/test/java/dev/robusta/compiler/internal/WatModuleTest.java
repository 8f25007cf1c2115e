package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Modules from {@link WatParser} given to {@link Module#of} on both engines: a model parsed with every feature
 * (function-index element segments typed {@code (ref func)}, as in 3.0) runs under the default 2.0 features.
 */
class WatModuleTest {
    private static final String CALL_INDIRECT = "(module\n"
            + "  (type $t (func (param i32) (result i32)))\n"
            + "  (func $sq (type $t) local.get 0 local.get 0 i32.mul)\n"
            + "  (func $boom (type $t) unreachable)\n"
            + "  (table 2 funcref)\n"
            + "  (elem (i32.const 0) func $sq $boom)\n"
            + "  (func (export \"call\") (param i32 i32) (result i32) local.get 0 local.get 1 call_indirect (type $t)))";

    private static void assertSquaresAndTraps(Instance i, String where) {
        assertEquals(49, i.function("call").callInt(7, 0), where);
        TrapException e = assertThrows(TrapException.class, () -> i.function("call").callInt(7, 1), where);
        assertEquals(Trap.UNREACHABLE, e.trap(), where);
    }

    @Test
    void parsedWithAllFeatures_moduleOfDefaultConfig_runs() {
        for (RuntimeConfig config : List.of(Wat.INTERPRETER, Wat.COMPILER)) {
            assertSquaresAndTraps(Module.of(WatParser.parseModule(CALL_INDIRECT), config).instantiate(),
                    config.engine().toString());
        }
    }

    @Test
    void anyParseFeatures_anyConfigFeatures_runsLikeTheBinary() {
        for (Features parsedWith : List.of(Features.V2, Features.V3, Features.ALL)) {
            for (Features runWith : List.of(Features.V2, Features.V3)) {
                for (RuntimeConfig engine : List.of(Wat.INTERPRETER, Wat.COMPILER)) {
                    RuntimeConfig config = engine.withFeatures(runWith);
                    String where = "parsed with " + parsedWith + ", run with " + config;
                    var model = WatParser.parseModule(CALL_INDIRECT, "t.wat", parsedWith);
                    assertSquaresAndTraps(Module.of(model, config).instantiate(), where);
                    assertSquaresAndTraps(Module.compile(BinaryEncoder.encode(model), config).instantiate(), where);
                }
            }
        }
    }
}
