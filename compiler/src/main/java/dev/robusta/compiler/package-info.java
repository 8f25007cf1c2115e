/**
 * The Robusta compiler: WebAssembly modules translated to JVM bytecode, a class per function compiled at its
 * first call (optionally kept in a code cache, {@link dev.robusta.runtime.RuntimeConfig#codeCache()}), run by
 * the runtime as its {@link dev.robusta.runtime.EngineKind#COMPILER} engine. There is nothing to call here:
 * put {@code robusta-compiler} on the class path or module path and choose the engine in the
 * {@link dev.robusta.runtime.RuntimeConfig} (the default, {@code AUTO}, takes the compiler when it is
 * present). {@link dev.robusta.compiler.CompilerInfo} tells what this compiler does and does not do.
 */
package dev.robusta.compiler;
