package dev.robusta.compiler.internal;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits a static method that switches on an int parameter, split into nested methods of the same descriptor
 * when the cases would not fit in one method under HotSpot's 8,000-byte limit for JIT compilation: the
 * outer method switches on the key's range and calls the method of that range.
 */
final class Switches implements Opcodes {
    /** Emits the body of one case, ending with a return or a throw; false when there is no such case. */
    interface Cases {
        boolean emit(MethodVisitor mv, int key);
    }

    private static final int BUDGET = 6000;
    private static final int FAN_OUT = 256;

    private final ClassVisitor cv;
    private final String owner;
    private final String desc;
    private final int keySlot;
    private final int perMethod;
    private final Cases cases;

    private Switches(ClassVisitor cv, String owner, String desc, int keySlot, int caseSize, Cases cases) {
        this.cv = cv;
        this.owner = owner;
        this.desc = desc;
        this.keySlot = keySlot;
        this.perMethod = Math.max(2, BUDGET / Math.max(1, caseSize));
        this.cases = cases;
    }

    /**
     * Emits private static method {@code name} of descriptor {@code desc}, a switch over the int parameter in
     * local {@code keySlot} with keys {@code 0..n-1}.
     *
     * @param caseSize an estimate of the bytes of one case
     */
    static void emit(ClassVisitor cv, String owner, String name, String desc, int keySlot, int n, int caseSize,
                     Cases cases) {
        new Switches(cv, owner, desc, keySlot, caseSize, cases).range(name, 0, n);
    }

    private void range(String name, int lo, int hi) {
        MethodVisitor mv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC, name, desc, null, null);
        mv.visitCode();
        Label dflt = new Label();
        long span = 0;
        int parts = 0;
        if (hi - lo <= perMethod) {
            Label[] labels = new Label[Math.max(1, hi - lo)];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = new Label();
            }
            mv.visitVarInsn(ILOAD, keySlot);
            mv.visitTableSwitchInsn(lo, lo + labels.length - 1, dflt, labels);
            for (int i = 0; i < labels.length; i++) {
                mv.visitLabel(labels[i]);
                if (lo + i >= hi || !cases.emit(mv, lo + i)) {
                    mv.visitJumpInsn(GOTO, dflt);
                }
            }
        } else {
            span = perMethod;
            while ((hi - lo + span - 1) / span > FAN_OUT) {
                span *= 2;
            }
            parts = (int) ((hi - lo + span - 1) / span);
            Label[] labels = new Label[parts];
            for (int i = 0; i < parts; i++) {
                labels[i] = new Label();
            }
            mv.visitVarInsn(ILOAD, keySlot);
            JvmTypes.iconst(mv, lo);
            mv.visitInsn(ISUB);
            JvmTypes.iconst(mv, (int) span);
            mv.visitInsn(IDIV);
            mv.visitTableSwitchInsn(0, parts - 1, dflt, labels);
            Type method = Type.getMethodType(desc);
            for (int i = 0; i < parts; i++) {
                mv.visitLabel(labels[i]);
                int slot = 0;
                for (Type t : method.getArgumentTypes()) {
                    mv.visitVarInsn(t.getOpcode(ILOAD), slot);
                    slot += t.getSize();
                }
                String sub = name + "_" + i;
                mv.visitMethodInsn(INVOKESTATIC, owner, sub, desc, false);
                mv.visitInsn(method.getReturnType().getOpcode(IRETURN));
            }
        }
        mv.visitLabel(dflt);
        JvmTypes.throwUnreachable(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int i = 0; i < parts; i++) {
            range(name + "_" + i, (int) (lo + i * span), (int) Math.min(hi, lo + (i + 1) * span));
        }
    }
}
