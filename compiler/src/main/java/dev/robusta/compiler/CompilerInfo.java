package dev.robusta.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Facts about the compiler engine, for tools and diagnostics.
 *
 * <p>How a module is compiled: every defined function becomes a static method of a class of its own, with
 * JVM-typed parameters (i32 {@code int}, i64 {@code long}, f32 {@code float}, f64 {@code double}, v128
 * {@link dev.robusta.runtime.V128}, references {@code Object}) and a context parameter. The classes of a
 * module are defined by a class loader of the module's own (unloaded with the module) when they are first
 * used, so a function is compiled when it is first called. A function the JVM cannot hold as one method
 * (more than 64 KB of bytecode) runs on the interpreter, and a module the compiler does not handle (features
 * beyond WebAssembly 2.0, or a function with more than 255 parameter slots or 65,535 local slots) runs
 * entirely on the interpreter, with a warning on the {@code dev.robusta.compiler} {@link System.Logger}.
 */
public final class CompilerInfo {
    /**
     * The version of the code the compiler generates; part of any cache key. Increase it with every change
     * to the generated code (what a class file the compiler writes contains) or to the runtime methods that
     * generated code calls.
     */
    public static final int CODE_VERSION = 5;

    private static final String VERSION = readVersion();

    private CompilerInfo() {
    }

    /**
     * The version of the engine, as the code cache keys it: the Maven version of {@code robusta-compiler} and
     * {@link #CODE_VERSION}, for example {@code 0.1.0-SNAPSHOT/2}.
     */
    public static String engineVersion() {
        return VERSION + "/" + CODE_VERSION;
    }

    private static String readVersion() {
        try (InputStream in = CompilerInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: unknown
        }
        return "unknown";
    }
}
