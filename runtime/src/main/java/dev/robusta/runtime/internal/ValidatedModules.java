package dev.robusta.runtime.internal;

import dev.robusta.wasm.Features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The modules known to be valid: a mark per module in the code cache's folder ({@code DIR/validated/}),
 * made when a module compiled with a code cache validates, so that a later run compiling the same bytes
 * with the same features and the same version of Robusta skips validation, as it skips generating code
 * (see RATIONALE.md, "Why does a module found in the code cache skip validation?"). Marks are empty files
 * named by the SHA-256 of the module's SHA-256, the features, {@link #VALIDATOR_VERSION} and the Maven
 * version; any failure to read or write one only means validating again.
 */
public final class ValidatedModules {
    /**
     * Increase with any change to what the validator or {@code InterpreterSupport} accept, so that marks of
     * development builds of one Maven version are not trusted across it.
     */
    public static final int VALIDATOR_VERSION = 1;

    private static final String FOLDER = "validated";
    private static final String VERSION =
            MavenVersion.read(ValidatedModules.class.getResourceAsStream("version.properties"));

    private ValidatedModules() {
    }

    /** Whether the module of SHA-256 {@code sha256} validated with {@code features} in an earlier run. */
    public static boolean known(Path cache, byte[] sha256, Features features) {
        try {
            return Files.isRegularFile(mark(cache, sha256, features));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Notes that the module of SHA-256 {@code sha256} validated with {@code features}. */
    public static void remember(Path cache, byte[] sha256, Features features) {
        try {
            Path mark = mark(cache, sha256, features);
            Files.createDirectories(mark.getParent());
            Files.createFile(mark);
        } catch (FileAlreadyExistsException e) {
            // another process was first
        } catch (IOException | RuntimeException e) {
            // the compiler's cache warns about a folder it cannot write; a missing mark only costs time
        }
    }

    static Path mark(Path cache, byte[] sha256, Features features) {
        MessageDigest d = Sha256.newDigest();
        d.update(sha256);
        d.update(("\n" + features + "\n" + VALIDATOR_VERSION + "\n" + VERSION).getBytes(StandardCharsets.UTF_8));
        String name = HexFormat.of().formatHex(d.digest());
        return cache.resolve(FOLDER).resolve(name);
    }
}
