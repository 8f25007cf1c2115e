package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.List;

/**
 * How WebAssembly values live in the JVM: i32 {@code int}, i64 {@code long}, f32 {@code float}, f64
 * {@code double}, v128 {@link V128}, references {@code Object}; and their descriptors, slot sizes, and the
 * instructions that load, store, return, drop and convert them to and from the slot form of the runtime
 * (a {@code long} per value, two for a v128, references in a parallel {@code Object[]}).
 */
final class JvmTypes implements Opcodes {
    static final String V128_NAME = Type.getInternalName(V128.class);
    static final String V128_DESC = "L" + V128_NAME + ";";
    static final String OBJECT_DESC = "Ljava/lang/Object;";

    private JvmTypes() {
    }

    static String desc(ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32: return "I";
            case ValType.CODE_I64: return "J";
            case ValType.CODE_F32: return "F";
            case ValType.CODE_F64: return "D";
            case ValType.CODE_V128: return V128_DESC;
            default: return OBJECT_DESC;
        }
    }

    /** The descriptor of a signature letter of {@link dev.robusta.wasm.Opcode#signature()}. */
    static String desc(char letter) {
        switch (letter) {
            case 'i': case 'a': return "I";
            case 'I': return "J";
            case 'f': return "F";
            case 'F': return "D";
            case 'V': return V128_DESC;
            default: throw new IllegalArgumentException("signature letter " + letter);
        }
    }

    static ValType type(char letter) {
        switch (letter) {
            case 'i': case 'a': return ValType.I32;
            case 'I': return ValType.I64;
            case 'f': return ValType.F32;
            case 'F': return ValType.F64;
            case 'V': return ValType.V128;
            default: throw new IllegalArgumentException("signature letter " + letter);
        }
    }

    /** JVM local slots of a value. */
    static int size(ValType t) {
        return t.code() == ValType.CODE_I64 || t.code() == ValType.CODE_F64 ? 2 : 1;
    }

    static int size(List<ValType> ts) {
        int n = 0;
        for (ValType t : ts) {
            n += size(t);
        }
        return n;
    }

    /** Runtime slots ({@code long[]} form) of a value. */
    static int slots(ValType t) {
        return t.isVector() ? 2 : 1;
    }

    static int slots(List<ValType> ts) {
        int n = 0;
        for (ValType t : ts) {
            n += slots(t);
        }
        return n;
    }

    static boolean anyReference(List<ValType> ts) {
        for (ValType t : ts) {
            if (t.isReference()) {
                return true;
            }
        }
        return false;
    }

    /** The JVM return descriptor of a function type: the single result, or V (several go through a buffer). */
    static String returnDesc(FuncType t) {
        return t.results().size() == 1 ? desc(t.results().get(0)) : "V";
    }

    static String paramsDesc(FuncType t) {
        StringBuilder b = new StringBuilder();
        for (ValType p : t.params()) {
            b.append(desc(p));
        }
        return b.toString();
    }

    static void load(MethodVisitor mv, ValType t, int slot) {
        switch (t.code()) {
            case ValType.CODE_I32: mv.visitVarInsn(ILOAD, slot); break;
            case ValType.CODE_I64: mv.visitVarInsn(LLOAD, slot); break;
            case ValType.CODE_F32: mv.visitVarInsn(FLOAD, slot); break;
            case ValType.CODE_F64: mv.visitVarInsn(DLOAD, slot); break;
            default: mv.visitVarInsn(ALOAD, slot); break;
        }
    }

    static void store(MethodVisitor mv, ValType t, int slot) {
        switch (t.code()) {
            case ValType.CODE_I32: mv.visitVarInsn(ISTORE, slot); break;
            case ValType.CODE_I64: mv.visitVarInsn(LSTORE, slot); break;
            case ValType.CODE_F32: mv.visitVarInsn(FSTORE, slot); break;
            case ValType.CODE_F64: mv.visitVarInsn(DSTORE, slot); break;
            default: mv.visitVarInsn(ASTORE, slot); break;
        }
    }

    static void returnValue(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32: mv.visitInsn(IRETURN); break;
            case ValType.CODE_I64: mv.visitInsn(LRETURN); break;
            case ValType.CODE_F32: mv.visitInsn(FRETURN); break;
            case ValType.CODE_F64: mv.visitInsn(DRETURN); break;
            default: mv.visitInsn(ARETURN); break;
        }
    }

    static void drop(MethodVisitor mv, ValType t) {
        mv.visitInsn(size(t) == 2 ? POP2 : POP);
    }

    /** Pushes the zero value of {@code t} (the default of a local). */
    static void zero(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32: mv.visitInsn(ICONST_0); break;
            case ValType.CODE_I64: mv.visitInsn(LCONST_0); break;
            case ValType.CODE_F32: mv.visitInsn(FCONST_0); break;
            case ValType.CODE_F64: mv.visitInsn(DCONST_0); break;
            case ValType.CODE_V128:
                mv.visitFieldInsn(GETSTATIC, Type.getInternalName(V128s.class), "ZERO", V128_DESC);
                break;
            default: mv.visitInsn(ACONST_NULL); break;
        }
    }

    /** Pushes int constant {@code v} in the shortest form. */
    /**
     * Emits {@code throw new IllegalStateException()}: the end of a path the generated code never takes (the
     * default of a switch over indices or exit codes it produced itself, the end of a piece that never falls
     * through).
     */
    static void throwUnreachable(MethodVisitor mv) {
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        mv.visitInsn(Opcodes.ATHROW);
    }

    static void iconst(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    static void lconst(MethodVisitor mv, long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /**
     * Converts the slot (a {@code long} on the stack) to a value of type {@code t} (not a v128 or a
     * reference).
     */
    static void fromSlot(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32:
                mv.visitInsn(L2I);
                break;
            case ValType.CODE_F32:
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                break;
            case ValType.CODE_F64:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                break;
            case ValType.CODE_I64:
                break;
            default:
                throw new IllegalArgumentException("not a number type: " + t);
        }
    }

    /** Converts a value of number type {@code t} on the stack to its slot ({@code long}). */
    static void toSlot(MethodVisitor mv, ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32:
                mv.visitInsn(I2L);
                break;
            case ValType.CODE_F32:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(I2L);
                break;
            case ValType.CODE_F64:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                break;
            case ValType.CODE_I64:
                break;
            default:
                throw new IllegalArgumentException("not a number type: " + t);
        }
    }

    /**
     * Pushes the value of type {@code t} held at slot {@code slot} of the {@code long[]} in local
     * {@code slotsLocal} (and, for a reference, of the {@code Object[]} in {@code refsLocal}).
     */
    static void loadFromSlots(MethodVisitor mv, ValType t, int slotsLocal, int refsLocal, int slot) {
        if (t.isReference()) {
            mv.visitVarInsn(ALOAD, refsLocal);
            iconst(mv, slot);
            mv.visitInsn(AALOAD);
        } else if (t.isVector()) {
            mv.visitTypeInsn(NEW, V128_NAME);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot + 1);
            mv.visitInsn(LALOAD);
            mv.visitMethodInsn(INVOKESPECIAL, V128_NAME, "<init>", "(JJ)V", false);
        } else {
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot);
            mv.visitInsn(LALOAD);
            fromSlot(mv, t);
        }
    }

    /**
     * Stores the value of type {@code t} held in JVM local {@code valueLocal} at slot {@code slot} of the
     * {@code long[]} in local {@code slotsLocal} (a reference: of the {@code Object[]} in {@code refsLocal}).
     */
    static void storeToSlots(MethodVisitor mv, ValType t, int valueLocal, int slotsLocal, int refsLocal, int slot) {
        if (t.isReference()) {
            mv.visitVarInsn(ALOAD, refsLocal);
            iconst(mv, slot);
            mv.visitVarInsn(ALOAD, valueLocal);
            mv.visitInsn(AASTORE);
        } else if (t.isVector()) {
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot);
            mv.visitVarInsn(ALOAD, valueLocal);
            mv.visitMethodInsn(INVOKEVIRTUAL, V128_NAME, "lo", "()J", false);
            mv.visitInsn(LASTORE);
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot + 1);
            mv.visitVarInsn(ALOAD, valueLocal);
            mv.visitMethodInsn(INVOKEVIRTUAL, V128_NAME, "hi", "()J", false);
            mv.visitInsn(LASTORE);
        } else {
            mv.visitVarInsn(ALOAD, slotsLocal);
            iconst(mv, slot);
            load(mv, t, valueLocal);
            toSlot(mv, t);
            mv.visitInsn(LASTORE);
        }
    }
}
