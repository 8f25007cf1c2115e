package dev.robusta.compiler.internal;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;

/** The operand types of instructions with a fixed signature ({@link Opcode#signature()}), parsed once. */
final class Signatures {
    /** Parameter and result types. */
    static final class Sig {
        final ValType[] params;
        final ValType[] results;

        Sig(ValType[] params, ValType[] results) {
            this.params = params;
            this.results = results;
        }
    }

    private static final Sig[] CACHE = new Sig[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            String s = op.signature();
            if (s != null) {
                int gt = s.indexOf('>');
                CACHE[op.ordinal()] = new Sig(types(s.substring(0, gt)), types(s.substring(gt + 1)));
            }
        }
    }

    private Signatures() {
    }

    /** The signature of {@code op}, or null when its typing is not a fixed signature. */
    static Sig of(Opcode op) {
        return CACHE[op.ordinal()];
    }

    private static ValType[] types(String letters) {
        ValType[] out = new ValType[letters.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = JvmTypes.type(letters.charAt(i));
        }
        return out;
    }
}
