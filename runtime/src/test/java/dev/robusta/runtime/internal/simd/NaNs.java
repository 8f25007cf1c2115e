package dev.robusta.runtime.internal.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NaN patterns of the spec tests: {@code nan:canonical} and {@code nan:arithmetic}. */
final class NaNs {

    /** A signalling f32 NaN (quiet bit clear). */
    static final int F32_SNAN = 0x7FA0_0000;
    static final int F32_CANONICAL = 0x7FC0_0000;
    static final long F64_SNAN = 0x7FF4_0000_0000_0000L;
    static final long F64_CANONICAL = 0x7FF8_0000_0000_0000L;

    private NaNs() {
    }

    static void assertCanonical(int bits) {
        assertTrue((bits & 0x7FFF_FFFF) == F32_CANONICAL, () -> "not a canonical NaN: " + Integer.toHexString(bits));
    }

    static void assertArithmetic(int bits) {
        assertTrue((bits & 0x7FC0_0000) == F32_CANONICAL, () -> "not an arithmetic NaN: " + Integer.toHexString(bits));
    }

    static void assertCanonical(long bits) {
        assertTrue((bits & Long.MAX_VALUE) == F64_CANONICAL, () -> "not a canonical NaN: " + Long.toHexString(bits));
    }

    static void assertArithmetic(long bits) {
        assertTrue((bits & 0x7FF8_0000_0000_0000L) == F64_CANONICAL,
                () -> "not an arithmetic NaN: " + Long.toHexString(bits));
    }
}
