package dev.robusta.wasm.validate;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;

/**
 * The fixed operand signature of an instruction, parsed once from {@link Opcode#signature()}: its
 * parameter and result types, where an address operand ({@code 'a'}) is a null parameter to be replaced by
 * the index type of the instruction's memory.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html">Instructions</a>
 */
final class Signature {
    private static final Signature[] BY_ORDINAL = new Signature[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.signature() != null) {
                BY_ORDINAL[op.ordinal()] = parse(op.signature());
            }
        }
    }

    /** The parameter types; null entries are address operands. */
    final ValType[] params;
    /** The result types. */
    final ValType[] results;
    /** Whether a parameter is an address operand. */
    final boolean hasAddress;

    private Signature(ValType[] params, ValType[] results, boolean hasAddress) {
        this.params = params;
        this.results = results;
        this.hasAddress = hasAddress;
    }

    /** The signature of {@code op}, or null when its typing is not a fixed signature. */
    static Signature of(Opcode op) {
        return BY_ORDINAL[op.ordinal()];
    }

    static Signature parse(String s) {
        int gt = s.indexOf('>');
        if (gt < 0) {
            throw new IllegalArgumentException("signature without '>': " + s);
        }
        ValType[] params = new ValType[gt];
        boolean address = false;
        for (int i = 0; i < gt; i++) {
            char c = s.charAt(i);
            if (c == 'a') {
                address = true;
            } else {
                params[i] = type(c, s);
            }
        }
        ValType[] results = new ValType[s.length() - gt - 1];
        for (int i = 0; i < results.length; i++) {
            results[i] = type(s.charAt(gt + 1 + i), s);
        }
        return new Signature(params, results, address);
    }

    private static ValType type(char c, String s) {
        switch (c) {
            case 'i': return ValType.I32;
            case 'I': return ValType.I64;
            case 'f': return ValType.F32;
            case 'F': return ValType.F64;
            case 'V': return ValType.V128;
            default: throw new IllegalArgumentException("bad type letter '" + c + "' in signature " + s);
        }
    }
}
