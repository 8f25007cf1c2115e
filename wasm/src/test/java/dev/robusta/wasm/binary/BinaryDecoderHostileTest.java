package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.WastBinaryModules.Case;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.robusta.wasm.binary.TestModules.bytes;
import static dev.robusta.wasm.binary.TestModules.code;
import static dev.robusta.wasm.binary.TestModules.functions;
import static dev.robusta.wasm.binary.TestModules.module;
import static dev.robusta.wasm.binary.TestModules.name;
import static dev.robusta.wasm.binary.TestModules.section;
import static dev.robusta.wasm.binary.TestModules.u32;
import static dev.robusta.wasm.binary.TestModules.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Hostile input: the decoder gives a module or a CompileException, never anything else, and stays small. */
class BinaryDecoderHostileTest {
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    @Test
    void decode_mutatedSpecModules_giveOnlyModulesOrCompileExceptions() {
        List<byte[]> seeds = new ArrayList<>();
        for (Case c : WastBinaryModules.load("wasm-2.0")) {
            seeds.add(c.bytes());
        }
        for (Case c : WastBinaryModules.load("wasm-3.0")) {
            seeds.add(c.bytes());
        }
        Random random = new Random(20240501L);
        int decoded = 0;
        int rejected = 0;
        int mutations = 0;
        for (byte[] seed : seeds) {
            if (seed.length <= 8) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                byte[] mutant = i == 0 ? Arrays.copyOf(seed, 8 + random.nextInt(seed.length - 8)) : flipBit(seed, random);
                for (Features features : new Features[] {Features.V2, Features.ALL}) {
                    mutations++;
                    if (survives(mutant, features)) {
                        decoded++;
                    } else {
                        rejected++;
                    }
                }
            }
        }
        assertTrue(mutations > 5000, "mutations: " + mutations);
        assertTrue(decoded > 100 && rejected > 1000, "decoded " + decoded + ", rejected " + rejected);
    }

    @Test
    void decode_everyPrefixOfTheValidSpecModules_givesOnlyModulesOrCompileExceptions() {
        int truncations = 0;
        for (Case c : WastBinaryModules.load("wasm-2.0")) {
            if (c.expect() == WastBinaryModules.Expect.MALFORMED) {
                continue;
            }
            for (int len = 0; len < c.bytes().length; len++) {
                truncations++;
                // a cut at a section boundary may still be a module; anything else must be malformed
                survives(Arrays.copyOf(c.bytes(), len), Features.V2);
            }
        }
        assertTrue(truncations > 2000, "truncations: " + truncations);
    }

    private static byte[] flipBit(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int bit = 64 + random.nextInt((b.length - 8) * 8); // past the header, which is checked first
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        return b;
    }

    /** Decodes; a module must also encode and decode again. False when rejected as malformed. */
    private static boolean survives(byte[] bytes, Features features) {
        WasmModule m;
        try {
            m = BinaryDecoder.decode(bytes, features);
        } catch (CompileException e) {
            assertEquals(CompileException.Kind.MALFORMED, e.kind());
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, "offset " + e.offset() + " of " + bytes.length);
            return false;
        } catch (RuntimeException | Error e) {
            fail("decoding " + ModuleDescription.hex(bytes) + " threw " + e, e);
            return false;
        }
        byte[] encoded = BinaryEncoder.encode(m);
        assertEquals(ModuleDescription.of(m), ModuleDescription.of(BinaryDecoder.decode(encoded, features)));
        return true;
    }

    private static void assertMalformed(byte[] bytes, String message) {
        CompileException e = assertThrows(CompileException.class, () -> BinaryDecoder.decode(bytes, Features.ALL));
        assertTrue(e.getMessage().startsWith(message), "expected \"" + message + "\", got \"" + e.getMessage() + "\"");
    }

    @Test
    void decode_twentyBytesDeclaringFourBillionFunctions_isLengthOutOfBounds() {
        byte[] bytes = module(section(SectionId.FUNCTION, u32(MAX_U32), 0, 0, 0, 0, 0));
        assertEquals(20, bytes.length);
        assertMalformed(bytes, "length out of bounds");
    }

    @Test
    void decode_hugeCountsInEverySection_areRejectedBeforeAllocating() {
        byte[] huge = u32(MAX_U32);
        byte[] pad = new byte[16];
        for (int id : new int[] {SectionId.TYPE, SectionId.IMPORT, SectionId.FUNCTION, SectionId.TABLE,
                SectionId.MEMORY, SectionId.TAG, SectionId.GLOBAL, SectionId.EXPORT, SectionId.ELEMENT,
                SectionId.CODE, SectionId.DATA}) {
            assertMalformed(module(section(id, huge, pad)), "length out of bounds");
        }
        // a count just within the bytes, whose elements cannot all be there
        assertMalformed(module(section(SectionId.FUNCTION, u32(2), 0)), "unexpected end");
    }

    @Test
    void decode_hugeLengthsInsideSections_areRejected() {
        byte[] huge = u32(MAX_U32);
        // an import's module name
        assertMalformed(module(section(SectionId.IMPORT, 1, huge, 0, 0)), "length out of bounds");
        // a data segment's bytes
        assertMalformed(module(section(SectionId.MEMORY, 1, 0, 1),
                section(SectionId.DATA, 1, 1, huge, 0)), "length out of bounds");
        // a custom section's name
        assertMalformed(module(section(SectionId.CUSTOM, huge, 0, 0)), "length out of bounds");
        // an element segment's function indices
        assertMalformed(module(section(SectionId.ELEMENT, 1, 1, 0, huge, 0)), "length out of bounds");
        // locals: 2^32-1 of them in a body of a few bytes
        assertMalformed(module(voidType(), functions(1), code(bytes(1, huge, 0x7F, 0x0B))), "too many locals");
        // br_table with 2^32-1 labels
        assertMalformed(module(voidType(), functions(1), code(bytes(0, 0x41, 0, 0x0E, huge, 0, 0x0B))),
                "length out of bounds");
    }

    @Test
    void decode_hugeSectionSizes_areLengthOutOfBounds() {
        for (int id = 0; id <= 13; id++) {
            byte[] bytes = module(bytes(id, u32(MAX_U32), 0, 0, 0));
            assertMalformed(bytes, "length out of bounds");
        }
        assertMalformed(module(bytes(SectionId.TYPE, u32(0x7FFF_FFFF), 0)), "length out of bounds");
    }

    @Test
    void decode_tenThousandNestedBlocks_decodes() {
        int depth = 10_000;
        byte[] body = new byte[1 + depth * 3 + 1];
        body[0] = 0; // no locals
        for (int i = 0; i < depth; i++) {
            body[1 + 2 * i] = 0x02; // block
            body[2 + 2 * i] = 0x40; // []
            body[1 + 2 * depth + i] = 0x0B;
        }
        body[body.length - 1] = 0x0B;
        WasmModule m = BinaryDecoder.decode(module(voidType(), functions(1), code(body)), Features.V2);
        assertEquals(body.length - 1, m.codes().get(0).body().code().length);
    }

    @Test
    void decode_tenThousandNestedBlocksMissingOneEnd_isMalformed() {
        int depth = 10_000;
        byte[] body = new byte[1 + depth * 3];
        for (int i = 0; i < depth; i++) {
            body[1 + 2 * i] = 0x02;
            body[2 + 2 * i] = 0x40;
            body[1 + 2 * depth + i] = 0x0B;
        }
        assertMalformed(module(voidType(), functions(1), code(body)), "unexpected end");
    }

    @Test
    void decode_fiftyThousandLocals_decodes() {
        WasmModule one = BinaryDecoder.decode(
                module(voidType(), functions(1), code(bytes(1, u32(50_000), 0x7F, 0x0B))), Features.V2);
        assertEquals(50_000, one.codes().get(0).localCount());

        byte[] groups = new byte[50_000 * 2];
        for (int i = 0; i < groups.length; i += 2) {
            groups[i] = 1;
            groups[i + 1] = 0x7E; // i64
        }
        WasmModule many = BinaryDecoder.decode(
                module(voidType(), functions(1), code(bytes(u32(50_000), groups, 0x0B))), Features.V2);
        assertEquals(50_000, many.codes().get(0).locals().size());
        assertEquals(50_000, many.codes().get(0).localCount());
    }

    @Test
    void decode_moreThanFiftyMillionLocals_isTooManyLocals() {
        assertMalformed(module(voidType(), functions(1), code(bytes(1, u32(50_000_001), 0x7F, 0x0B))),
                "too many locals");
        assertMalformed(module(voidType(), functions(1),
                code(bytes(2, u32(25_000_000), 0x7F, u32(25_000_001), 0x7E, 0x0B))), "too many locals");
        WasmModule atLimit = BinaryDecoder.decode(
                module(voidType(), functions(1), code(bytes(1, u32(50_000_000), 0x7F, 0x0B))), Features.V2);
        assertEquals(50_000_000, atLimit.codes().get(0).localCount());
    }

    @Test
    void decode_hostileNameSection_isIgnored() {
        byte[] hostile = bytes(name("name"), 1, u32(6), u32(MAX_U32), 0, 0, 0, 0);
        WasmModule m = BinaryDecoder.decode(module(section(SectionId.CUSTOM, hostile)), Features.V2);
        assertEquals(dev.robusta.wasm.NameSection.EMPTY, m.names());
        assertEquals(1, m.customSections().size());
    }
}
