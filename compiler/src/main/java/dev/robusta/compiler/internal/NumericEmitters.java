package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.Numerics;
import dev.robusta.wasm.Opcode;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.EnumMap;
import java.util.Map;

import static dev.robusta.wasm.Opcode.*;

/**
 * The numeric instructions (fixed signatures, no immediates): each is a few JVM instructions or a call to a
 * small helper named after it ({@code i32.div_s} is {@code Numerics.i32DivS}, {@code f32.min} is
 * {@link Floats#f32Min}). Comparisons are {@link Cond}itions, so that a branch after them jumps directly.
 */
final class NumericEmitters implements Opcodes {
    /** Emits one instruction whose operands are on the JVM stack. */
    interface Emitter {
        void emit(MethodVisitor mv);
    }

    private static final String NUMERICS = Type.getInternalName(Numerics.class);
    private static final String FLOATS = Type.getInternalName(Floats.class);

    static final Map<Opcode, Emitter> EMITTERS = new EnumMap<>(Opcode.class);
    static final Map<Opcode, Cond> CONDITIONS = new EnumMap<>(Opcode.class);

    private NumericEmitters() {
    }

    private static void insn(Opcode op, int... insns) {
        EMITTERS.put(op, mv -> {
            for (int i : insns) {
                mv.visitInsn(i);
            }
        });
    }

    private static void call(Opcode op, String owner, String name, String desc) {
        EMITTERS.put(op, mv -> mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false));
    }

    private static void callThen(Opcode op, String owner, String name, String desc, int after) {
        EMITTERS.put(op, mv -> {
            mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
            mv.visitInsn(after);
        });
    }

    /** A call to the helper named after the instruction, its descriptor from the signature. */
    private static void helper(Opcode op, String owner) {
        call(op, owner, camel(op.mnemonic()), descriptor(op.signature()));
    }

    /** {@code "i32.trunc_sat_f32_u"} becomes {@code "i32TruncSatF32U"}. */
    static String camel(String mnemonic) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : mnemonic.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** The JVM descriptor of a signature such as {@code "ii>i"}. */
    static String descriptor(String signature) {
        int gt = signature.indexOf('>');
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < gt; i++) {
            b.append(JvmTypes.desc(signature.charAt(i)));
        }
        b.append(')');
        b.append(gt == signature.length() - 1 ? "V" : JvmTypes.desc(signature.charAt(gt + 1)));
        return b.toString();
    }

    static {
        // ---- comparisons ----
        CONDITIONS.put(I32_EQZ, new Cond(0, IFEQ));
        CONDITIONS.put(I32_EQ, new Cond(0, IF_ICMPEQ));
        CONDITIONS.put(I32_NE, new Cond(0, IF_ICMPNE));
        CONDITIONS.put(I32_LT_S, new Cond(0, IF_ICMPLT));
        CONDITIONS.put(I32_LT_U, new Cond(Cond.UCMP_I32, IFLT));
        CONDITIONS.put(I32_GT_S, new Cond(0, IF_ICMPGT));
        CONDITIONS.put(I32_GT_U, new Cond(Cond.UCMP_I32, IFGT));
        CONDITIONS.put(I32_LE_S, new Cond(0, IF_ICMPLE));
        CONDITIONS.put(I32_LE_U, new Cond(Cond.UCMP_I32, IFLE));
        CONDITIONS.put(I32_GE_S, new Cond(0, IF_ICMPGE));
        CONDITIONS.put(I32_GE_U, new Cond(Cond.UCMP_I32, IFGE));
        // i64.eqz is LCONST_0 then this condition (FunctionCompiler emits the constant)
        CONDITIONS.put(I64_EQZ, new Cond(LCMP, IFEQ));
        CONDITIONS.put(I64_EQ, new Cond(LCMP, IFEQ));
        CONDITIONS.put(I64_NE, new Cond(LCMP, IFNE));
        CONDITIONS.put(I64_LT_S, new Cond(LCMP, IFLT));
        CONDITIONS.put(I64_LT_U, new Cond(Cond.UCMP_I64, IFLT));
        CONDITIONS.put(I64_GT_S, new Cond(LCMP, IFGT));
        CONDITIONS.put(I64_GT_U, new Cond(Cond.UCMP_I64, IFGT));
        CONDITIONS.put(I64_LE_S, new Cond(LCMP, IFLE));
        CONDITIONS.put(I64_LE_U, new Cond(Cond.UCMP_I64, IFLE));
        CONDITIONS.put(I64_GE_S, new Cond(LCMP, IFGE));
        CONDITIONS.put(I64_GE_U, new Cond(Cond.UCMP_I64, IFGE));
        // NaN makes every comparison false but ne: FCMPG gives 1 and FCMPL -1 for it
        CONDITIONS.put(F32_EQ, new Cond(FCMPL, IFEQ));
        CONDITIONS.put(F32_NE, new Cond(FCMPL, IFNE));
        CONDITIONS.put(F32_LT, new Cond(FCMPG, IFLT));
        CONDITIONS.put(F32_GT, new Cond(FCMPL, IFGT));
        CONDITIONS.put(F32_LE, new Cond(FCMPG, IFLE));
        CONDITIONS.put(F32_GE, new Cond(FCMPL, IFGE));
        CONDITIONS.put(F64_EQ, new Cond(DCMPL, IFEQ));
        CONDITIONS.put(F64_NE, new Cond(DCMPL, IFNE));
        CONDITIONS.put(F64_LT, new Cond(DCMPG, IFLT));
        CONDITIONS.put(F64_GT, new Cond(DCMPL, IFGT));
        CONDITIONS.put(F64_LE, new Cond(DCMPG, IFLE));
        CONDITIONS.put(F64_GE, new Cond(DCMPL, IFGE));

        // ---- i32 ----
        call(I32_CLZ, "java/lang/Integer", "numberOfLeadingZeros", "(I)I");
        call(I32_CTZ, "java/lang/Integer", "numberOfTrailingZeros", "(I)I");
        call(I32_POPCNT, "java/lang/Integer", "bitCount", "(I)I");
        insn(I32_ADD, IADD);
        insn(I32_SUB, ISUB);
        insn(I32_MUL, IMUL);
        helper(I32_DIV_S, NUMERICS);
        helper(I32_DIV_U, NUMERICS);
        helper(I32_REM_S, NUMERICS);
        helper(I32_REM_U, NUMERICS);
        insn(I32_AND, IAND);
        insn(I32_OR, IOR);
        insn(I32_XOR, IXOR);
        insn(I32_SHL, ISHL);
        insn(I32_SHR_S, ISHR);
        insn(I32_SHR_U, IUSHR);
        call(I32_ROTL, "java/lang/Integer", "rotateLeft", "(II)I");
        call(I32_ROTR, "java/lang/Integer", "rotateRight", "(II)I");

        // ---- i64 ----
        callThen(I64_CLZ, "java/lang/Long", "numberOfLeadingZeros", "(J)I", I2L);
        callThen(I64_CTZ, "java/lang/Long", "numberOfTrailingZeros", "(J)I", I2L);
        callThen(I64_POPCNT, "java/lang/Long", "bitCount", "(J)I", I2L);
        insn(I64_ADD, LADD);
        insn(I64_SUB, LSUB);
        insn(I64_MUL, LMUL);
        helper(I64_DIV_S, NUMERICS);
        helper(I64_DIV_U, NUMERICS);
        helper(I64_REM_S, NUMERICS);
        helper(I64_REM_U, NUMERICS);
        insn(I64_AND, LAND);
        insn(I64_OR, LOR);
        insn(I64_XOR, LXOR);
        insn(I64_SHL, L2I, LSHL);
        insn(I64_SHR_S, L2I, LSHR);
        insn(I64_SHR_U, L2I, LUSHR);
        EMITTERS.put(I64_ROTL, mv -> {
            mv.visitInsn(L2I);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "rotateLeft", "(JI)J", false);
        });
        EMITTERS.put(I64_ROTR, mv -> {
            mv.visitInsn(L2I);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "rotateRight", "(JI)J", false);
        });

        // ---- f32 and f64 ----
        for (Opcode op : new Opcode[] {F32_ABS, F32_NEG, F32_CEIL, F32_FLOOR, F32_TRUNC, F32_NEAREST, F32_SQRT,
                F32_MIN, F32_MAX, F32_COPYSIGN, F64_ABS, F64_NEG, F64_CEIL, F64_FLOOR, F64_TRUNC, F64_NEAREST,
                F64_SQRT, F64_MIN, F64_MAX, F64_COPYSIGN}) {
            helper(op, FLOATS);
        }
        insn(F32_ADD, FADD);
        insn(F32_SUB, FSUB);
        insn(F32_MUL, FMUL);
        insn(F32_DIV, FDIV);
        insn(F64_ADD, DADD);
        insn(F64_SUB, DSUB);
        insn(F64_MUL, DMUL);
        insn(F64_DIV, DDIV);

        // ---- conversions ----
        insn(I32_WRAP_I64, L2I);
        for (Opcode op : new Opcode[] {I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U,
                I64_TRUNC_F32_S, I64_TRUNC_F32_U, I64_TRUNC_F64_S, I64_TRUNC_F64_U, F32_CONVERT_I32_U,
                F32_CONVERT_I64_U, F64_CONVERT_I32_U, F64_CONVERT_I64_U, I32_TRUNC_SAT_F32_U,
                I32_TRUNC_SAT_F64_U, I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_U}) {
            helper(op, FLOATS);
        }
        insn(I64_EXTEND_I32_S, I2L);
        EMITTERS.put(I64_EXTEND_I32_U, mv -> {
            mv.visitInsn(I2L);
            mv.visitLdcInsn(0xFFFF_FFFFL);
            mv.visitInsn(LAND);
        });
        insn(F32_CONVERT_I32_S, I2F);
        insn(F32_CONVERT_I64_S, L2F);
        insn(F32_DEMOTE_F64, D2F);
        insn(F64_CONVERT_I32_S, I2D);
        insn(F64_CONVERT_I64_S, L2D);
        insn(F64_PROMOTE_F32, F2D);
        call(I32_REINTERPRET_F32, "java/lang/Float", "floatToRawIntBits", "(F)I");
        call(I64_REINTERPRET_F64, "java/lang/Double", "doubleToRawLongBits", "(D)J");
        call(F32_REINTERPRET_I32, "java/lang/Float", "intBitsToFloat", "(I)F");
        call(F64_REINTERPRET_I64, "java/lang/Double", "longBitsToDouble", "(J)D");
        insn(I32_EXTEND8_S, I2B);
        insn(I32_EXTEND16_S, I2S);
        insn(I64_EXTEND8_S, L2I, I2B, I2L);
        insn(I64_EXTEND16_S, L2I, I2S, I2L);
        insn(I64_EXTEND32_S, L2I, I2L);
        // saturating truncation: the signed ones are the JVM's conversions
        insn(I32_TRUNC_SAT_F32_S, F2I);
        insn(I32_TRUNC_SAT_F64_S, D2I);
        insn(I64_TRUNC_SAT_F32_S, F2L);
        insn(I64_TRUNC_SAT_F64_S, D2L);
    }
}
