package dev.robusta.runtime.internal;

/**
 * A WebAssembly exception: its tag and its values in slot form. It is also the value of an {@code exnref}.
 * It travels as the cause of a {@link dev.robusta.wasm.TrapException} of kind
 * {@link dev.robusta.wasm.Trap#UNCAUGHT_EXCEPTION} when it leaves the interpreter's loop; a loop that finds
 * such a trap (thrown by a host function it called) resumes the search for a handler.
 */
public final class ExceptionInstance extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient TagInstance tag;
    public final long[] slots;
    public final transient Object[] refs;

    public ExceptionInstance(TagInstance tag, long[] slots, Object[] refs) {
        super("WebAssembly exception of " + tag, null, false, false);
        this.tag = tag;
        this.slots = slots;
        this.refs = refs;
    }
}
