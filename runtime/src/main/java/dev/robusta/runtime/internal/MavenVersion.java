package dev.robusta.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads a module's Maven version from the {@code version.properties} Maven filled in when it copied the resources. */
public final class MavenVersion {
    private MavenVersion() {
    }

    /**
     * The {@code version} property of {@code in} (opened by the caller, whose module owns the resource, and closed
     * here), or {@code "unknown"} when it is missing or was not filled in.
     */
    public static String read(InputStream in) {
        try (InputStream stream = in) {
            if (stream != null) {
                Properties p = new Properties();
                p.load(stream);
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
