package dev.robusta.text.wast;

import dev.robusta.wasm.ValType;

/**
 * A concrete value of a WAST script: an argument of {@code invoke}, and, as an {@link Expected}, a result
 * that must match exactly (floats bit for bit, NaN payload included; v128 as its 128 bits).
 */
public sealed interface Value extends Expected {
    /** {@code (i32.const n)}. */
    record I32(int value) implements Value {
    }

    /** {@code (i64.const n)}. */
    record I64(long value) implements Value {
    }

    /** {@code (f32.const x)}, as its IEEE 754 bits. */
    record F32(int bits) implements Value {
        public float value() {
            return Float.intBitsToFloat(bits);
        }
    }

    /** {@code (f64.const x)}, as its IEEE 754 bits. */
    record F64(long bits) implements Value {
        public double value() {
            return Double.longBitsToDouble(bits);
        }
    }

    /**
     * {@code (v128.const shape lanes...)}, as two little-endian halves: byte {@code i} of the vector is
     * byte {@code i % 8} of {@code lo} (i &lt; 8) or of {@code hi}.
     */
    record V128(long lo, long hi) implements Value {
    }

    /**
     * {@code (ref.null ht)}: a null reference. {@code heapType} is one of the abstract heap types
     * ({@link ValType#HT_FUNC}, {@link ValType#HT_EXTERN}, {@link ValType#HT_ANY}, ...) as written; a runner
     * usually compares only nullness, or the type hierarchy.
     */
    record RefNull(int heapType) implements Value {
    }

    /**
     * {@code (ref.extern n)}: the external (host) reference number {@code n}, an {@code externref}. The same
     * number means the same reference across directives.
     */
    record RefExtern(long n) implements Value {
    }

    /** {@code (ref.host n)}: the legacy spelling of a host reference number {@code n}. */
    record RefHost(long n) implements Value {
    }
}
