package dev.robusta.wasm;

/**
 * Which WebAssembly features the decoder, text parser and validator accept. {@link #V2} is exactly
 * WebAssembly 2.0 (where, for instance, the memory index of {@code memory.size} must be a single zero
 * byte); {@link #V3} is WebAssembly 3.0; {@link #ALL} adds the phase-3+ proposals in the test suite.
 *
 * @param multiMemory     memory indices in memory instructions (3.0)
 * @param memory64        64-bit memories and tables (3.0)
 * @param gc              typed function references and GC types (3.0)
 * @param exceptions      exception handling (3.0)
 * @param tailCalls       return_call and friends (3.0)
 * @param extendedConst   arithmetic in constant expressions (3.0)
 * @param relaxedSimd     relaxed SIMD (3.0)
 * @param threads         shared memories and atomics (proposal)
 * @param wideArithmetic  i64.add128 and friends (proposal)
 * @param customPageSizes custom page sizes (proposal)
 */
public record Features(boolean multiMemory, boolean memory64, boolean gc, boolean exceptions, boolean tailCalls,
                       boolean extendedConst, boolean relaxedSimd, boolean threads, boolean wideArithmetic,
                       boolean customPageSizes) {
    /** WebAssembly 2.0. */
    public static final Features V2 = new Features(false, false, false, false, false, false, false, false, false, false);
    /** WebAssembly 3.0. */
    public static final Features V3 = new Features(true, true, true, true, true, true, true, false, false, false);
    /** WebAssembly 3.0 and every proposal Robusta knows. */
    public static final Features ALL = new Features(true, true, true, true, true, true, true, true, true, true);
}
