package dev.robusta.runtime.internal.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.code.CodeReader;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** {@link InterpreterSupport}'s shortcut: without GC, threads and exceptions, no unsupported instruction can be read. */
class InterpreterSupportTest {
    /** Every feature but the three that bring instructions the interpreter does not run. */
    private static final Features WITHOUT = new Features(true, true, false, false, true, true, true, false, true, true);

    @Test
    void theShortcutIsTakenOnlyWithoutGcThreadsAndExceptions() {
        assertFalse(InterpreterSupport.mayUseUnsupported(Features.V2));
        assertFalse(InterpreterSupport.mayUseUnsupported(WITHOUT));
        assertTrue(InterpreterSupport.mayUseUnsupported(Features.V3));
        assertTrue(InterpreterSupport.mayUseUnsupported(Features.ALL));
    }

    @Test
    void everyUnsupportedInstructionIsIllegalWithoutThoseFeatures() {
        int unsupported = 0;
        for (Opcode op : Opcode.values()) {
            if (InterpreterSupport.supports(op)) {
                continue;
            }
            unsupported++;
            byte[] code = encode(op);
            CompileException e = assertThrows(CompileException.class,
                    () -> new CodeReader(code, 0, code.length, 0, WITHOUT).next(), op.mnemonic());
            assertTrue(e.getMessage().startsWith("illegal opcode"), op.mnemonic() + ": " + e.getMessage());
            Opcode read = new CodeReader(code, 0, code.length, 0, Features.ALL).next();
            assertEquals(op, read, "read with every feature on");
        }
        assertTrue(unsupported > 50, "GC, atomics and legacy exceptions: " + unsupported);
    }

    /** The opcode followed by zero bytes enough for any immediates. */
    private static byte[] encode(Opcode op) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (op.prefix() != 0) {
            out.write(op.prefix());
            int v = op.code();
            do {
                int b = v & 0x7F;
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
        } else {
            out.write(op.code());
        }
        for (int i = 0; i < 16; i++) {
            out.write(0);
        }
        return out.toByteArray();
    }
}
