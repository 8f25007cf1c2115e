package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.CanonicalTypes;

/**
 * A function lowered for the interpreter: its code ({@link Op}) and frame layout. Immutable; shared by every
 * instance of the module.
 */
public final class LoweredFunction {
    final int[] code;
    final int funcIdx;
    /** The name in wasm stack traces. */
    final String name;
    final int paramSlots;
    /** Parameters and declared locals, in slots. */
    final int localSlots;
    /** The most slots the frame uses: locals and the operand stack at its highest. */
    final int frameSize;
    final int resultSlots;
    final boolean refResults;
    /** Whether a declared (non-parameter) local is a reference, so that the frame's references need clearing. */
    final boolean refLocals;
    /** The fuel a call costs: the number of instructions of the body. */
    final int weight;
    /** The identities of the module's types by type index, for {@code call_indirect}. */
    final CanonicalTypes.Type[] types;
    /**
     * Exception handlers, six ints each, innermost first: start pc, end pc (the try_table's body), tag index
     * or -1 for catch_all, 1 when the exception reference is pushed too, the height the values go to, and
     * the pc of the landing pad that branches to the catch's label.
     */
    final int[] handlers;

    LoweredFunction(int[] code, int funcIdx, String name, int paramSlots, int localSlots, int frameSize,
                    int resultSlots, boolean refResults, boolean refLocals, int weight, CanonicalTypes.Type[] types,
                    int[] handlers) {
        this.code = code;
        this.funcIdx = funcIdx;
        this.name = name;
        this.paramSlots = paramSlots;
        this.localSlots = localSlots;
        this.frameSize = frameSize;
        this.resultSlots = resultSlots;
        this.refResults = refResults;
        this.refLocals = refLocals;
        this.weight = weight;
        this.types = types;
        this.handlers = handlers;
    }

    /** The function's index in its module. */
    public int funcIdx() {
        return funcIdx;
    }

    /** The number of ints of lowered code. */
    public int codeLength() {
        return code.length;
    }

    @Override
    public String toString() {
        return name;
    }
}
