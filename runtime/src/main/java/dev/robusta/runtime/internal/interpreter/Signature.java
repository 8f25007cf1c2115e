package dev.robusta.runtime.internal.interpreter;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;

/** The operand types of an instruction with a fixed signature ({@link Opcode#signature()}), parsed once. */
final class Signature {
    private static final Signature[] CACHE = new Signature[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            String s = op.signature();
            if (s != null) {
                int gt = s.indexOf('>');
                CACHE[op.ordinal()] = new Signature(types(s.substring(0, gt)), types(s.substring(gt + 1)));
            }
        }
    }

    final ValType[] params;
    final ValType[] results;

    private Signature(ValType[] params, ValType[] results) {
        this.params = params;
        this.results = results;
    }

    /** The signature of {@code op}, or null when its typing is not a fixed signature. */
    static Signature of(Opcode op) {
        return CACHE[op.ordinal()];
    }

    private static ValType[] types(String letters) {
        ValType[] out = new ValType[letters.length()];
        for (int i = 0; i < out.length; i++) {
            switch (letters.charAt(i)) {
                case 'i': case 'a': out[i] = ValType.I32; break;
                case 'I': out[i] = ValType.I64; break;
                case 'f': out[i] = ValType.F32; break;
                case 'F': out[i] = ValType.F64; break;
                case 'V': out[i] = ValType.V128; break;
                default: throw new AssertionError(letters);
            }
        }
        return out;
    }
}
