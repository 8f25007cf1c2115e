package dev.robusta.testsuite;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;

/**
 * A value an action produced, with its type: numbers as raw bits (so NaN payloads survive), a v128 as two
 * halves, a reference as the object itself (null for a null reference).
 */
record Actual(ValType type, long bits, long hi, Object ref) {

    /** A result of a raw call: {@code raw[i]} (and {@code raw[i + 1]} for a v128). */
    static Actual ofRaw(ValType type, long[] raw, int i) {
        return new Actual(type, raw[i], type.isVector() ? raw[i + 1] : 0, null);
    }

    /** A result of a boxed call or a global read. */
    static Actual ofBoxed(ValType type, Object value) {
        if (type.isReference()) {
            return new Actual(type, 0, 0, value);
        }
        switch (type.code()) {
            case ValType.CODE_I32: return new Actual(type, (Integer) value, 0, null);
            case ValType.CODE_I64: return new Actual(type, (Long) value, 0, null);
            case ValType.CODE_F32: return new Actual(type, Float.floatToRawIntBits((Float) value), 0, null);
            case ValType.CODE_F64: return new Actual(type, Double.doubleToRawLongBits((Double) value), 0, null);
            case ValType.CODE_V128: return new Actual(type, ((V128) value).lo(), ((V128) value).hi(), null);
            default: throw new IllegalArgumentException("unexpected result type " + type);
        }
    }

    @Override
    public String toString() {
        if (type.isReference()) {
            if (ref == null) {
                return "(ref.null)";
            }
            return ref instanceof Function ? "(ref.func)" : "(" + ref + ")";
        }
        switch (type.code()) {
            case ValType.CODE_I32: return "(i32.const " + (int) bits + ")";
            case ValType.CODE_I64: return "(i64.const " + bits + ")";
            case ValType.CODE_F32:
                return "(f32.const " + Float.intBitsToFloat((int) bits) + String.format(" 0x%08x)", (int) bits);
            case ValType.CODE_F64:
                return "(f64.const " + Double.longBitsToDouble(bits) + String.format(" 0x%016x)", bits);
            default: return String.format("(v128.const i64x2 0x%016x 0x%016x)", bits, hi);
        }
    }
}
