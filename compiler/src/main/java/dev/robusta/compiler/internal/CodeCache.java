package dev.robusta.compiler.internal;

import dev.robusta.compiler.CompilerInfo;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.Sha256;
import dev.robusta.wasm.binary.BinaryEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The code cache of one module: the folder {@code DIR/<key>/} of the configured
 * {@link dev.robusta.runtime.RuntimeConfig#codeCache() DIR}, with a file {@code <class>.class} per generated
 * class (say {@code F12.class}) and {@code key.txt}, what the key was made of (for people).
 *
 * <p>The key ({@link #key}) is the SHA-256 of: the SHA-256 of the module's binary (or, for a module from
 * text, of its encoding and function names), the engine's version ({@link CompilerInfo#engineVersion()}), a
 * digest of the class files of the code generator itself, and the settings that change the generated code
 * (the features, fuel on or off, the split settings, whether memory is accessed through {@link UnsafeMem}).
 *
 * <p>A file is a 16-byte header (the magic {@code RBCC}, the format version, the length and the CRC-32C of
 * the class bytes, little-endian) and the class bytes. It is written to a temporary file that is then moved
 * in place, so a reader sees a whole file or none; a file that is short or does not match its checksum is
 * reported and generated again. A folder that cannot be written gives one warning; the module then runs
 * without storing.
 */
final class CodeCache {
    private static final int MAGIC = 0x43434252; // "RBCC" little-endian
    private static final int FORMAT = 1;
    private static final int HEADER = 16;
    private static final String SUFFIX = ".class";

    /** The classes whose bytes are part of the key, so that a changed code generator does not reuse classes. */
    private static final Class<?>[] GENERATOR = {
        ClassGenerator.class, FunctionCompiler.class, NumericEmitters.class, Cond.class, JvmTypes.class,
        Switches.class, Split.class, Signatures.class, V128Shapes.class, Support.class, Frame.class, Mem.class,
        SimdMem.class, Calls.class, Ctx.class, Exec.class, Floats.class, Globals.class, Tables.class,
        Trace.class, V128s.class, Fallback.class, CompiledFunction.class, InstanceState.class, CompilerInfo.class,
        UnsafeMem.class, SlowPaths.class, BrTables.class,
    };
    private static volatile String generatorDigest;

    private final Path dir;
    private volatile boolean writable = true;

    private CodeCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache of {@code code} in {@code root}, or null (with a warning) when its folder can be neither made
     * nor read. A folder that exists but cannot be written is read.
     */
    static CodeCache open(Path root, ModuleCode code) {
        String[] key = key(code);
        CodeCache cache = new CodeCache(root.resolve(key[0]));
        try {
            Files.createDirectories(cache.dir);
            Path info = cache.dir.resolve("key.txt");
            if (!Files.exists(info)) {
                cache.writeAtomically(info, key[1].getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            cache.cannotWrite(e);
            if (!Files.isDirectory(cache.dir)) {
                return null;
            }
        }
        return cache;
    }

    /**
     * The key of {@code code}: its hexadecimal form (element 0) and what it was made of (element 1).
     */
    static String[] key(ModuleCode code) {
        byte[] module = code.sha256();
        String moduleDigest;
        if (module != null) {
            moduleDigest = HexFormat.of().formatHex(module);
        } else {
            MessageDigest md = sha256();
            md.update(BinaryEncoder.encode(code.model()));
            for (int i = 0; i < code.model().funcCount(); i++) {
                md.update(code.frameName(i).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            moduleDigest = "text:" + HexFormat.of().formatHex(md.digest());
        }
        String text = "robusta code cache\n"
                + "module=" + moduleDigest + "\n"
                + "engine=" + CompilerInfo.engineVersion() + "\n"
                + "generator=" + generatorDigest() + "\n"
                + "features=" + code.config().features() + "\n"
                + "fuel=" + code.config().fuel().isPresent() + "\n"
                + "split=" + Split.enabled + "," + Split.threshold + "," + Split.target + "\n"
                // the generated code calls UnsafeMem or Mem: which depends on the JDK and platform
                + "unsafe=" + UnsafeMem.AVAILABLE + "\n";
        String hex = HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
        return new String[] {hex, text};
    }

    private static String generatorDigest() {
        String d = generatorDigest;
        if (d == null) {
            MessageDigest md = sha256();
            byte[] buf = new byte[8192];
            for (Class<?> c : GENERATOR) {
                String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
                try (InputStream in = c.getResourceAsStream(file)) {
                    if (in == null) {
                        md.update(c.getName().getBytes(StandardCharsets.UTF_8));
                        continue;
                    }
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                } catch (IOException e) {
                    md.update(c.getName().getBytes(StandardCharsets.UTF_8));
                }
            }
            d = HexFormat.of().formatHex(md.digest());
            generatorDigest = d;
        }
        return d;
    }

    private static MessageDigest sha256() {
        return Sha256.newDigest();
    }

    /** The folder of this module's classes. */
    Path dir() {
        return dir;
    }

    /**
     * The stored bytes of class {@code simpleName}, or null when there are none or they are damaged (with a
     * warning).
     */
    byte[] read(String simpleName) {
        Path file = dir.resolve(simpleName + SUFFIX);
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            Warnings.warn("robusta compiler: cannot read the code cache entry " + file
                    + " (generating it again): " + e);
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        String damage = null;
        if (all.length < HEADER || h.getInt(0) != MAGIC || h.getInt(4) != FORMAT) {
            damage = "not a code cache entry";
        } else if (h.getInt(8) != all.length - HEADER) {
            damage = "truncated: " + (all.length - HEADER) + " of " + h.getInt(8) + " bytes";
        } else if (h.getInt(12) != crc(all, HEADER, all.length - HEADER)) {
            damage = "checksum mismatch";
        }
        if (damage != null) {
            Warnings.warn("robusta compiler: damaged code cache entry " + file
                    + " (" + damage + "); generating it again");
            return null;
        }
        byte[] bytes = new byte[all.length - HEADER];
        System.arraycopy(all, HEADER, bytes, 0, bytes.length);
        return bytes;
    }

    /** Reports a stored class that the JVM rejected; it is generated again. */
    void rejected(String simpleName, Throwable e) {
        Warnings.warn("robusta compiler: code cache entry " + dir.resolve(simpleName + SUFFIX)
                + " is not a valid class (generating it again): " + e);
    }

    /** Stores class {@code simpleName}; failures give a warning (once) and stop storing. */
    void write(String simpleName, byte[] bytes) {
        if (!writable) {
            return;
        }
        byte[] all = new byte[HEADER + bytes.length];
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC).putInt(FORMAT).putInt(bytes.length).putInt(crc(bytes, 0, bytes.length));
        System.arraycopy(bytes, 0, all, HEADER, bytes.length);
        try {
            writeAtomically(dir.resolve(simpleName + SUFFIX), all);
        } catch (IOException | RuntimeException e) {
            cannotWrite(e);
        }
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void cannotWrite(Exception e) {
        if (writable) {
            writable = false;
            Warnings.warn("robusta compiler: cannot write the code cache " + dir
                    + "; running without storing generated code: " + e);
        }
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }
}
