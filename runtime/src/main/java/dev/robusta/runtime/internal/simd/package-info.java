/**
 * The semantics of the WebAssembly SIMD instructions (fixed-width SIMD of WebAssembly 2.0 and relaxed SIMD
 * of 3.0), as static methods on the engine's {@code long[]} operand stack; the entry points are
 * {@link dev.robusta.runtime.internal.simd.Simd#execute} and
 * {@link dev.robusta.runtime.internal.simd.Simd#loadExtend}.
 *
 * <p>Design choices:
 * <ul>
 *   <li>A v128 is two {@code long}s (low half first). No lane crosses the halves, so every lane-wise
 *       operation is one helper applied to each half; some use SIMD-within-a-register arithmetic (add,
 *       sub, eq, popcnt, avgr_u on bytes).</li>
 *   <li>The dispatch is split by lane shape ({@code I8x16}, {@code I16x8}, ..., {@code Lanes},
 *       {@code Bitwise}, {@code Conversions}, {@code Relaxed}) so that every method stays far below
 *       HotSpot's 8,000-byte limit for JIT compilation. Nothing allocates except the exception for an
 *       unknown opcode.</li>
 *   <li>Floating point: Java's {@code float}/{@code double} operators are IEEE 754 binary32/binary64 with
 *       round-to-nearest-even, as WebAssembly requires. NaN results follow the spec's rule (canonical when
 *       all NaN operands are canonical, arithmetic otherwise): min, max, the rounding functions, sqrt,
 *       demote and promote quiet a NaN operand explicitly; pmin/pmax, abs and neg are bit operations
 *       that keep NaN payloads, as specified.</li>
 *   <li>Relaxed SIMD gives the deterministic profile's results (see
 *       {@link dev.robusta.runtime.internal.simd.Relaxed}): the non-relaxed instruction where there is
 *       one, unfused multiply-add, signed dot products with saturated 16-bit pair sums.</li>
 * </ul>
 */
package dev.robusta.runtime.internal.simd;
