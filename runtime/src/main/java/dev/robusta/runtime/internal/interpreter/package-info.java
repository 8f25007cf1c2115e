/**
 * The interpreter engine.
 *
 * <p>{@link dev.robusta.runtime.internal.interpreter.Lowerer} turns each function, at its first call, into an
 * {@code int[]} of {@link dev.robusta.runtime.internal.interpreter.Op} instructions: branch targets, the
 * heights to unwind to and the slot count each branch carries are resolved; locals are frame slots;
 * instructions on v128s and references have their own opcodes; unreachable code is dropped; frequent
 * sequences are fused into superinstructions (compare-and-branch, {@code local.get}+{@code i32.const}+
 * {@code i32.add}, increments of a local, loads from an address in a local).
 *
 * <p>{@link dev.robusta.runtime.internal.interpreter.Machine} runs that code: one per thread, with a
 * {@code long[]} operand stack (i32 and f32 sign-extended, f64 as raw bits, a v128 in two slots), a parallel
 * {@code Object[]} for references, and an explicit frame stack, so guest calls do not use the Java stack.
 * Its dispatch method keeps the frequent instructions inline and sends the rest to
 * {@link dev.robusta.runtime.internal.interpreter.IntOps}, {@code FloatOps}, {@code Conversions},
 * {@code MemoryOps}, {@code BulkOps}, {@code SimdMemoryOps} and the SIMD lane semantics, so that every method
 * stays under HotSpot's 8,000-byte limit for JIT compilation.
 */
package dev.robusta.runtime.internal.interpreter;
