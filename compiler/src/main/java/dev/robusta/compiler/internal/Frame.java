package dev.robusta.compiler.internal;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;

/**
 * The locals of a split function ({@link Split}), in slot form in a {@code long[]} (a v128 in two slots) and
 * references in an {@code Object[]}, shared by the function's method and its pieces.
 */
public final class Frame {
    private Frame() {
    }

    /**
     * Emits the conversion of a slot ({@code long}) on the stack to a value of scalar type {@code t}: the
     * generated code reads and writes frame slots inline ({@code laload}, {@code lastore}), so that the
     * bytecode interpreter and the JIT's inlining allowance do not pay a call per local.
     */
    static void fromSlot(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32:
                mv.visitInsn(Opcodes.L2I);
                break;
            case ValType.CODE_I64:
                break;
            case ValType.CODE_F32:
                mv.visitInsn(Opcodes.L2I);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                break;
            case ValType.CODE_F64:
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                break;
            default:
                throw new IllegalArgumentException("not a scalar type: " + t);
        }
    }

    /** Emits the conversion of a value of scalar type {@code t} on the stack to its slot ({@code long}). */
    static void toSlot(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32:
                mv.visitInsn(Opcodes.I2L);
                break;
            case ValType.CODE_I64:
                break;
            case ValType.CODE_F32:
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(Opcodes.I2L);
                break;
            case ValType.CODE_F64:
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                break;
            default:
                throw new IllegalArgumentException("not a scalar type: " + t);
        }
    }

    public static V128 getV128(long[] f, int i) {
        return new V128(f[i], f[i + 1]);
    }

    public static void set(V128 v, long[] f, int i) {
        f[i] = v.lo();
        f[i + 1] = v.hi();
    }

    public static void set(Object v, Object[] f, int i) {
        f[i] = v;
    }
}
