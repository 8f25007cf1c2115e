package dev.robusta.text.wast;

/** The lane interpretations of a {@code v128} constant ({@code v128.const i32x4 ...}). */
public enum LaneShape {
    I8X16("i8x16", 16), I16X8("i16x8", 8), I32X4("i32x4", 4), I64X2("i64x2", 2), F32X4("f32x4", 4),
    F64X2("f64x2", 2);

    private final String text;
    private final int lanes;

    LaneShape(String text, int lanes) {
        this.text = text;
        this.lanes = lanes;
    }

    /** The text format's name, such as {@code "f32x4"}. */
    public String text() {
        return text;
    }

    /** The number of lanes. */
    public int laneCount() {
        return lanes;
    }

    /** The width of one lane in bits. */
    public int laneBits() {
        return 128 / lanes;
    }

    /** Whether the lanes are floating-point numbers. */
    public boolean isFloat() {
        return this == F32X4 || this == F64X2;
    }

    /** The shape with this text name, or null. */
    public static LaneShape of(String text) {
        for (LaneShape s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        return null;
    }
}
