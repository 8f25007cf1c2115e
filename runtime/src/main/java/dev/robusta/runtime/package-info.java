/**
 * The embedding API, shaped like the JavaScript API's {@code WebAssembly} namespace.
 *
 * <pre>{@code
 * Module module = Module.compile(bytes);                    // CompileException: malformed or invalid
 * Imports imports = Imports.builder()
 *     .function("env", "log", FuncType.of(List.of(I32), List.of()), (caller, args) -> {
 *         System.out.println(args[0]);
 *         return HostFunction.NO_RESULTS;
 *     })
 *     .build();
 * Instance instance = module.instantiate(imports);          // LinkException, TrapException
 * int sum = instance.function("add").callInt(2, 3);         // TrapException
 * }</pre>
 *
 * <ul>
 * <li>{@link dev.robusta.runtime.WebAssembly}: static entry points ({@code validate}, {@code compile},
 *     {@code instantiate}, and their asynchronous forms).</li>
 * <li>{@link dev.robusta.runtime.Module}: a compiled module, immutable and shareable; its imports, exports and
 *     custom sections.</li>
 * <li>{@link dev.robusta.runtime.Imports}: what imports resolve to, by module and field name.</li>
 * <li>{@link dev.robusta.runtime.Instance}: an instantiated module's exports.</li>
 * <li>{@link dev.robusta.runtime.Function}, {@link dev.robusta.runtime.Memory},
 *     {@link dev.robusta.runtime.Table}, {@link dev.robusta.runtime.Global}: the external values, made by
 *     instances or by the host ({@code create}/{@code of}).</li>
 * <li>{@link dev.robusta.runtime.HostFunction} (boxed) and {@link dev.robusta.runtime.RawHostFunction}
 *     (numbers as raw slots): functions implemented in Java.</li>
 * <li>{@link dev.robusta.runtime.RuntimeConfig}: features and limits (call depth, memory and table caps,
 *     fuel, timeout); {@link dev.robusta.runtime.Instance#interrupt()} stops running code from another
 *     thread.</li>
 * </ul>
 *
 * <p>Errors are the unchecked {@link dev.robusta.wasm.WasmException} family of {@code dev.robusta.wasm}:
 * {@link dev.robusta.wasm.CompileException}, {@link dev.robusta.wasm.LinkException},
 * {@link dev.robusta.wasm.TrapException} (with the guest's stack trace) and
 * {@link dev.robusta.wasm.ExitException}. Misuse of the API (a wrong argument count or box) is an
 * {@link java.lang.IllegalArgumentException}.
 */
package dev.robusta.runtime;
