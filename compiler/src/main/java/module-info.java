/**
 * The Robusta compiler: an engine that translates WebAssembly modules to JVM bytecode. Put it on the class
 * path or module path and select it with {@code RuntimeConfig.withEngine(EngineKind.COMPILER)}, or leave the
 * default {@code AUTO}, which takes it when present.
 */
module dev.robusta.compiler {
    requires dev.robusta.runtime;
    requires org.objectweb.asm;
    requires jdk.unsupported;

    exports dev.robusta.compiler;

    provides dev.robusta.runtime.internal.engine.Engine with dev.robusta.compiler.internal.CompilerEngine;
}
