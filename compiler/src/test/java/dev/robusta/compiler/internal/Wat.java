package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.WatParser;

/** Compiles WAT text for tests. */
final class Wat {
    static final RuntimeConfig COMPILER = RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER);
    static final RuntimeConfig INTERPRETER = RuntimeConfig.DEFAULT.withEngine(EngineKind.INTERPRETER);

    private Wat() {
    }

    static Module module(String wat, RuntimeConfig config) {
        return Module.of(WatParser.parseModule(wat), config);
    }

    static Instance compiled(String wat) {
        return module(wat, COMPILER).instantiate();
    }

    static Instance compiled(String wat, Imports imports) {
        return module(wat, COMPILER).instantiate(imports);
    }
}
