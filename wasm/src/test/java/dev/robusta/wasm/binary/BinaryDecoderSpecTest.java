package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.binary.WastBinaryModules.Case;
import dev.robusta.wasm.binary.WastBinaryModules.Expect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every binary module of the spec test suite: {@code assert_malformed} ones are rejected with the spec's
 * message, all others decode ({@code assert_invalid} ones too: invalidity is the validator's business).
 */
class BinaryDecoderSpecTest {

    @TestFactory
    Stream<DynamicTest> wasm20() {
        return tests(WastBinaryModules.load("wasm-2.0"), Features.V2);
    }

    @TestFactory
    Stream<DynamicTest> wasm30() {
        return tests(WastBinaryModules.load("wasm-3.0"), Features.V3);
    }

    @TestFactory
    Stream<DynamicTest> customPageSizesProposal() {
        return tests(WastBinaryModules.load("proposals/custom-page-sizes"), Features.ALL);
    }

    @TestFactory
    Stream<DynamicTest> wideArithmeticProposal() {
        return tests(WastBinaryModules.load("proposals/wide-arithmetic"), Features.ALL);
    }

    @Test
    void suite_hasTheExpectedKindsOfCases() {
        List<Case> cases = WastBinaryModules.load("wasm-2.0");
        long malformed = cases.stream().filter(c -> c.expect() == Expect.MALFORMED).count();
        long valid = cases.stream().filter(c -> c.expect() == Expect.VALID).count();
        // binary.wast, binary-leb128.wast, custom.wast and the utf8-*.wast files alone hold hundreds
        assertTrue(malformed > 700, "malformed cases: " + malformed);
        assertTrue(valid > 50, "valid cases: " + valid);
        assertTrue(cases.stream().allMatch(c -> c.expect() == Expect.VALID || c.message() != null));
    }

    private static Stream<DynamicTest> tests(List<Case> cases, Features features) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, features)));
    }

    private static void check(Case c, Features features) {
        if (c.expect() == Expect.MALFORMED) {
            CompileException e = assertThrows(CompileException.class,
                    () -> BinaryDecoder.decode(c.bytes(), features), c.name());
            assertEquals(CompileException.Kind.MALFORMED, e.kind(), c.name());
            assertTrue(e.getMessage().startsWith(c.message()),
                    () -> c.name() + ": expected \"" + c.message() + "\", got \"" + e.getMessage() + "\"");
        } else {
            assertNotNull(assertDoesNotThrow(() -> BinaryDecoder.decode(c.bytes(), features), c.name()));
        }
    }
}
