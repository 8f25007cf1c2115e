package dev.robusta.text.wast;

import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * An expected result of {@code assert_return}: a concrete {@link Value} (exact match) or a pattern.
 */
public sealed interface Expected permits Value, Expected.NanCanonical, Expected.NanArithmetic,
        Expected.V128Lanes, Expected.RefPattern, Expected.Either {

    /**
     * {@code (f32.const nan:canonical)} / {@code (f64.const nan:canonical)}: a NaN whose payload is exactly
     * the canonical one (only the quiet bit set), either sign.
     *
     * @param type {@link ValType#F32} or {@link ValType#F64}
     */
    record NanCanonical(ValType type) implements Expected {
    }

    /**
     * {@code (f32.const nan:arithmetic)} / {@code (f64.const nan:arithmetic)}: a NaN with the quiet bit
     * set (any payload, either sign).
     *
     * @param type {@link ValType#F32} or {@link ValType#F64}
     */
    record NanArithmetic(ValType type) implements Expected {
    }

    /**
     * A {@code v128.const f32x4/f64x2} result where at least one lane is a NaN pattern. Each lane is a
     * {@link Value.F32}/{@link Value.F64} (exact bits) or a {@link NanCanonical}/{@link NanArithmetic}.
     * A v128 result with no patterns is given as an exact {@link Value.V128} instead.
     *
     * @param shape {@link LaneShape#F32X4} or {@link LaneShape#F64X2}
     * @param lanes one entry per lane, lane 0 first
     */
    record V128Lanes(LaneShape shape, List<Expected> lanes) implements Expected {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** The category of reference a {@link RefPattern} accepts. */
    enum RefCategory {
        /** {@code (ref.null)}: any null reference. */
        NULL,
        /** {@code (ref.func)}: any non-null function reference. */
        FUNC,
        /** {@code (ref.extern)}: any non-null external reference. */
        EXTERN,
        /** {@code (ref.any)}: any non-null internal reference. */
        ANY,
        /** {@code (ref.eq)}: any non-null reference of type eqref (i31, struct or array). */
        EQ,
        /** {@code (ref.i31)}: any i31 reference. */
        I31,
        /** {@code (ref.struct)}: any struct reference. */
        STRUCT,
        /** {@code (ref.array)}: any array reference. */
        ARRAY,
        /** {@code (ref.exn)}: any exception reference. */
        EXN
    }

    /** A reference result given only by its category, such as {@code (ref.func)} or {@code (ref.array)}. */
    record RefPattern(RefCategory category) implements Expected {
    }

    /** {@code (either r1 r2 ...)}: the result matches at least one of the alternatives. */
    record Either(List<Expected> alternatives) implements Expected {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
