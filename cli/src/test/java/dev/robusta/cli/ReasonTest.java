package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.testsuite.Outcome;
import dev.robusta.testsuite.Outcome.Status;
import org.junit.jupiter.api.Test;

class ReasonTest {
    private static String reason(String kind, String detail) {
        return Reason.of(new Outcome("f.wast", 1, kind, Status.FAILED, detail));
    }

    @Test
    void unexpectedException_isItsMessageAlone() {
        assertEquals("multiple memories are not supported by the interpreter", reason("assert_return",
                "unexpected UnsupportedOperationException: multiple memories are not supported by the interpreter"));
        assertEquals("no current instance", reason("invoke", "unexpected IllegalStateException: no current instance"));
    }

    @Test
    void positionsNumbersAndNames_areTakenOut() {
        assertEquals("unsupported instruction ref.test", reason("module", "unexpected CompileException: "
                + "unsupported instruction ref.test (function 3, ref.test at expression byte 12)"));
        assertEquals("no export named ...", reason("assert_return",
                "unexpected IllegalArgumentException: no export named \"get\""));
        assertEquals("assert_trap: expected \"uninitialized element N\", got: uninitialized element",
                reason("assert_trap", "expected \"uninitialized element 2\", got TrapException: uninitialized element"));
    }

    @Test
    void wrongResults_shareOneReason() {
        assertEquals("assert_return: wrong result",
                reason("assert_return", "result 0: expected i32:1, got (i32.const 2)"));
        assertEquals("assert_return: wrong number of results",
                reason("assert_return", "expected 2 results, got [(i32.const 2)]"));
    }

    @Test
    void otherDetails_keepTheirKind() {
        assertEquals("assert_invalid: expected invalid module (\"sub type\"), but it compiled",
                reason("assert_invalid", "expected invalid module (\"sub type\"), but it compiled"));
        // numbers inside words (i32) are not numbers
        assertEquals("module: i32.load at N", reason("module", "i32.load at 12"));
    }
}
