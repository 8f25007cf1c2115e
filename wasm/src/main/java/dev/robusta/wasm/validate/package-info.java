/**
 * The validator: {@link dev.robusta.wasm.validate.Validator#validate} checks a module of the model against
 * the spec's validation rules for the given {@link dev.robusta.wasm.Features} (WebAssembly 2.0, 3.0 with
 * typed references, GC, exceptions, tail calls, multiple and 64-bit memories, and the proposals Robusta
 * knows).
 *
 * <p>How it is built, one concept per class:
 * <ul>
 * <li>{@code Validator}: the module-level rules, in the reference interpreter's order.</li>
 * <li>{@code ModuleContext}: the context C, with lookups failing as "unknown ...".</li>
 * <li>{@code CodeValidator}: the appendix's algorithm over the binary code (operand and control stacks,
 *     iterative, nothing allocated per instruction); {@code Signature} gives every instruction with a fixed
 *     signature one shared rule; {@code TableMemoryRules}, {@code ReferenceRules}, {@code ExceptionRules}
 *     and {@code GcRules} hold the others.</li>
 * <li>{@code ConstantExpressions}, {@code ExternTypes} (limits, tags), {@code Locals} (local types without
 *     expanding huge declarations), {@code MemoryAccess} (natural alignments, lane counts),
 *     {@code Subtyping} (matching, type canonicalization).</li>
 * <li>Failures are thrown inside as {@code Invalid} (the spec's message; the place is added on the way
 *     out) and reach the caller as {@link dev.robusta.wasm.CompileException} of kind INVALID.</li>
 * </ul>
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/index.html">Validation</a>
 */
package dev.robusta.wasm.validate;
