package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.I32_ADD;
import static dev.robusta.wasm.Opcode.I32_CONST;
import static dev.robusta.wasm.Opcode.I32_MUL;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.internal.ValidatedModules;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module compiled with a code cache is validated once; its mark is keyed by its bytes and the features. */
class ValidatedModulesTest {
    @TempDir
    Path cache;

    /** A global initialised by an extended constant expression: invalid in 2.0, valid in 3.0. */
    private static byte[] extendedConst() {
        WasmBuilder b = new WasmBuilder();
        b.global(I32, false, w -> {
            w.op(I32_CONST).s32(6);
            w.op(I32_CONST).s32(7);
            w.op(I32_MUL);
        });
        return BinaryEncoder.encode(b.model());
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    void aModuleThatValidates_isMarked_perFeatures() throws Exception {
        byte[] bytes = extendedConst();
        RuntimeConfig v3 = RuntimeConfig.DEFAULT.withFeatures(Features.V3).withCodeCache(cache);
        assertFalse(ValidatedModules.known(cache, sha256(bytes), Features.V3));
        Module.compile(bytes, v3);
        assertTrue(ValidatedModules.known(cache, sha256(bytes), Features.V3));
        assertDoesNotThrow(() -> Module.compile(bytes, v3), "compiled again from its mark");
        RuntimeConfig v2 = RuntimeConfig.DEFAULT.withCodeCache(cache);
        CompileException e = assertThrows(CompileException.class, () -> Module.compile(bytes, v2));
        assertEquals(CompileException.Kind.INVALID, e.kind());
        assertFalse(ValidatedModules.known(cache, sha256(bytes), Features.V2), "no mark for what failed");
    }

    @Test
    void aMarkedModuleIsNotValidatedAgain_andOthersAre() throws Exception {
        WasmBuilder b = new WasmBuilder();
        b.func(type(List.of(), List.of(I32)), w -> w.op(I32_ADD)); // i32.add on an empty stack
        byte[] invalid = BinaryEncoder.encode(b.model());
        RuntimeConfig config = RuntimeConfig.DEFAULT.withCodeCache(cache);
        assertThrows(CompileException.class, () -> Module.compile(invalid, config));
        ValidatedModules.remember(cache, sha256(invalid), Features.V2);
        // The mark is trusted as the cache's classes are: only a run that validated these bytes writes it.
        assertDoesNotThrow(() -> Module.compile(invalid, config));
        assertThrows(CompileException.class, () -> Module.compile(invalid, RuntimeConfig.DEFAULT),
                "without a code cache, every compilation validates");
    }

    @Test
    void anUnusableFolder_onlyMeansValidating() throws Exception {
        byte[] bytes = extendedConst();
        Path file = cache.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a folder");
        RuntimeConfig config = RuntimeConfig.DEFAULT.withFeatures(Features.V3).withCodeCache(file);
        assertDoesNotThrow(() -> Module.compile(bytes, config));
        assertFalse(ValidatedModules.known(file, sha256(bytes), Features.V3));
    }
}
