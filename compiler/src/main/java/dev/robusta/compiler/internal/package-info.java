/**
 * The compiler's internals. Reading order: {@link dev.robusta.compiler.internal.CompilerEngine} (the service
 * the runtime finds), {@link dev.robusta.compiler.internal.CompiledModule} (a module's class, defined as a
 * hidden class), {@link dev.robusta.compiler.internal.ClassGenerator} (the class: fields, constructor, one
 * method per function, dispatchers and entry points), {@link dev.robusta.compiler.internal.FunctionCompiler}
 * (one function body: read, analyze, emit), then the helpers the generated code calls ({@code Mem},
 * {@code Tables}, {@code Calls}, {@code Floats}, {@code V128s}, {@code SimdMem}, {@code Trace}) and the
 * execution state ({@link dev.robusta.compiler.internal.Ctx} per instance and thread,
 * {@link dev.robusta.compiler.internal.Exec} per thread).
 */
package dev.robusta.compiler.internal;
