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
 *             {@link #UCMP_I32} or {@link #UCMP_I64} for an unsigned comparison, tested through {@link Unsigned}), or 0 when the jump
 *             tests the operands itself
 * @param jump the conditional jump taken when the condition holds
 */
record Cond(int prep, int jump) implements Opcodes {
    /** {@code prep}: an unsigned i32 comparison, its result compared with 0 by {@code jump}. */
    static final int UCMP_I32 = -1;
    /** {@code prep}: an unsigned i64 comparison, its result compared with 0 by {@code jump}. */
    static final int UCMP_I64 = -2;
    /** The condition of an i32 on the stack: non-zero. */
    static final Cond NONZERO = new Cond(0, IFNE);
    private static final String UNSIGNED = "dev/robusta/compiler/internal/Unsigned";

    /** The opposite condition. */
    Cond negate() {
        return new Cond(prep, opposite(jump));
    }

    /** Emits the test and a jump to {@code target} taken when the condition holds. */
    void jumpIfTrue(MethodVisitor mv, Label target) {
        mv.visitJumpInsn(prepare(mv, jump), target);
    }

    /** Emits the test and a jump to {@code target} taken when the condition does not hold. */
    void jumpIfFalse(MethodVisitor mv, Label target) {
        mv.visitJumpInsn(prepare(mv, opposite(jump)), target);
    }

    /** Emits the test leaving 1 or 0. */
    void materialize(MethodVisitor mv) {
        if (prep == UCMP_I32 || prep == UCMP_I64) {
            if (prepare(mv, jump) == IFEQ) {
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IXOR);
            }
            return;
        }
        Label yes = new Label();
        Label done = new Label();
        jumpIfTrue(mv, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    /**
     * Emits what turns the operands into the int that jump {@code j} tests; returns the jump to emit. An
     * unsigned comparison calls {@link Unsigned}'s {@code lt} or {@code le} and tests its boolean.
     */
    private int prepare(MethodVisitor mv, int j) {
        if (prep == UCMP_I32 || prep == UCMP_I64) {
            String desc = prep == UCMP_I32 ? "(II)Z" : "(JJ)Z";
            boolean lt = j == IFLT || j == IFGE;
            if (!lt && j != IFLE && j != IFGT) {
                throw new IllegalArgumentException("not an ordering: " + j);
            }
            mv.visitMethodInsn(INVOKESTATIC, UNSIGNED, lt ? "lt" : "le", desc, false);
            return j == IFLT || j == IFLE ? IFNE : IFEQ;
        }
        if (prep != 0) {
            mv.visitInsn(prep);
        }
        return j;
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
