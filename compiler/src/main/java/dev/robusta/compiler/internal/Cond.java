package dev.robusta.compiler.internal;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A condition not yet turned into an i32: what a comparison (or {@code i32.eqz}, {@code ref.is_null}) leaves
 * for the instruction after it. {@code br_if}, {@code if} and {@code select} jump on it directly; anything
 * else materialises it as 0 or 1.
 *
 * @param prep the instruction that turns the operands into an int to test ({@code LCMP}, {@code FCMPL}, ...,
 *             {@link #UCMP_I32} or {@link #UCMP_I64} for an unsigned comparison), or 0 when the jump
 *             tests the operands itself
 * @param jump the conditional jump taken when the condition holds
 */
record Cond(int prep, int jump) implements Opcodes {
    /** {@code prep}: {@code Integer.compareUnsigned}. */
    static final int UCMP_I32 = -1;
    /** {@code prep}: {@code Long.compareUnsigned}. */
    static final int UCMP_I64 = -2;
    /** The condition of an i32 on the stack: non-zero. */
    static final Cond NONZERO = new Cond(0, IFNE);

    /** The opposite condition. */
    Cond negate() {
        return new Cond(prep, opposite(jump));
    }

    /** Emits the test and a jump to {@code target} taken when the condition holds. */
    void jumpIfTrue(MethodVisitor mv, Label target) {
        prepare(mv);
        mv.visitJumpInsn(jump, target);
    }

    /** Emits the test and a jump to {@code target} taken when the condition does not hold. */
    void jumpIfFalse(MethodVisitor mv, Label target) {
        prepare(mv);
        mv.visitJumpInsn(opposite(jump), target);
    }

    /** Emits the test leaving 1 or 0. */
    void materialize(MethodVisitor mv) {
        Label yes = new Label();
        Label done = new Label();
        jumpIfTrue(mv, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    private void prepare(MethodVisitor mv) {
        switch (prep) {
            case 0:
                break;
            case UCMP_I32:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
                break;
            case UCMP_I64:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
                break;
            default:
                mv.visitInsn(prep);
        }
    }

    private static int opposite(int jump) {
        switch (jump) {
            case IFEQ: return IFNE;
            case IFNE: return IFEQ;
            case IFLT: return IFGE;
            case IFGE: return IFLT;
            case IFGT: return IFLE;
            case IFLE: return IFGT;
            case IF_ICMPEQ: return IF_ICMPNE;
            case IF_ICMPNE: return IF_ICMPEQ;
            case IF_ICMPLT: return IF_ICMPGE;
            case IF_ICMPGE: return IF_ICMPLT;
            case IF_ICMPGT: return IF_ICMPLE;
            case IF_ICMPLE: return IF_ICMPGT;
            case IFNULL: return IFNONNULL;
            case IFNONNULL: return IFNULL;
            default: throw new IllegalArgumentException("not a conditional jump: " + jump);
        }
    }
}
