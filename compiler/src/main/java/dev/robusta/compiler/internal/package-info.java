/**
 * The compiler's internals. Reading order: {@link dev.robusta.compiler.internal.CompilerEngine} (the service
 * the runtime finds), {@link dev.robusta.compiler.internal.CompiledModule} (a module's classes, defined by a
 * {@link dev.robusta.compiler.internal.CodeLoader} of its own as they are first used, from the
 * {@link dev.robusta.compiler.internal.CodeCache} or generated), {@link dev.robusta.compiler.internal.ClassGenerator}
 * (the classes: the module class with fields and entry point, a class per function, the dispatchers), {@link dev.robusta.compiler.internal.FunctionCompiler}
 * (one function body: read, analyze, emit), then the helpers the generated code calls ({@code Mem},
 * {@code Tables}, {@code Calls}, {@code Floats}, {@code V128s}, {@code SimdMem}, {@code Trace}) and the
 * execution state ({@link dev.robusta.compiler.internal.Ctx} per instance and thread,
 * {@link dev.robusta.compiler.internal.Exec} per thread).
 */
package dev.robusta.compiler.internal;
