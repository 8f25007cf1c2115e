package dev.robusta.wasm.binary;

/** Test helper: builds binary modules from sections written as bytes. */
final class TestModules {
    private TestModules() {
    }

    /** The header followed by the given sections. */
    static byte[] module(byte[]... sections) {
        ByteWriter w = new ByteWriter();
        w.fixed32(0x6D736100).fixed32(1);
        for (byte[] s : sections) {
            w.bytes(s);
        }
        return w.toByteArray();
    }

    /** A section: id, size and content (ints are bytes, byte[] are copied). */
    static byte[] section(int id, Object... content) {
        byte[] c = bytes(content);
        return new ByteWriter().u8(id).u32(c.length).bytes(c).toByteArray();
    }

    /** Concatenates ints and chars (as bytes) and byte arrays. */
    static byte[] bytes(Object... parts) {
        ByteWriter w = new ByteWriter();
        for (Object p : parts) {
            if (p instanceof Integer) {
                w.u8((Integer) p);
            } else if (p instanceof Character) {
                w.u8((Character) p);
            } else {
                w.bytes((byte[]) p);
            }
        }
        return w.toByteArray();
    }

    /** An unsigned LEB128. */
    static byte[] u32(long v) {
        return new ByteWriter().u64(v).toByteArray();
    }

    /** A name: length and UTF-8 bytes. */
    static byte[] name(String s) {
        return new ByteWriter().name(s).toByteArray();
    }

    /** A type section with one function type {@code [] -> []}. */
    static byte[] voidType() {
        return section(SectionId.TYPE, 1, 0x60, 0, 0);
    }

    /** A function section declaring {@code n} functions of type 0. */
    static byte[] functions(int n) {
        Object[] parts = new Object[n + 1];
        parts[0] = u32(n);
        for (int i = 1; i <= n; i++) {
            parts[i] = 0;
        }
        return section(SectionId.FUNCTION, parts);
    }

    /** A code section of the given bodies, each written as its locals and instructions (size added here). */
    static byte[] code(byte[]... bodies) {
        Object[] parts = new Object[bodies.length * 2 + 1];
        parts[0] = u32(bodies.length);
        for (int i = 0; i < bodies.length; i++) {
            parts[1 + 2 * i] = u32(bodies[i].length);
            parts[2 + 2 * i] = bodies[i];
        }
        return section(SectionId.CODE, parts);
    }
}
