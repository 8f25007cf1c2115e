package dev.robusta.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The code sizes of the methods of the classes the compiler defines (read from the class files). */
final class MethodSizes {
    private MethodSizes() {
    }

    /** Runs {@code action} and returns the code size of every method of the classes compiled meanwhile. */
    static <T> Map<String, Integer> during(Supplier<T> action) {
        List<byte[]> classes = new ArrayList<>();
        CompiledModule.classListener = classes::add;
        try {
            action.get();
        } finally {
            CompiledModule.classListener = null;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (byte[] c : classes) {
            sizes.putAll(of(c));
        }
        return sizes;
    }

    /** The largest entry of {@code sizes}, as "name: size". */
    static String largest(Map<String, Integer> sizes) {
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + ": " + e.getValue()).orElse("none");
    }

    /** The code length of each method of class file {@code bytes}, by name. */
    static Map<String, Integer> of(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.readInt();
            in.readInt();
            int n = in.readUnsignedShort();
            String[] utf = new String[n];
            for (int i = 1; i < n; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: utf[i] = in.readUTF(); break;
                    case 5: case 6: in.readLong(); i++; break;
                    case 7: case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                    case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                    default: throw new IOException("constant tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (int pass = 0; pass < 2; pass++) {
                int members = in.readUnsignedShort();
                for (int i = 0; i < members; i++) {
                    in.readUnsignedShort();
                    String name = utf[in.readUnsignedShort()];
                    in.readUnsignedShort();
                    int attributes = in.readUnsignedShort();
                    for (int a = 0; a < attributes; a++) {
                        String attribute = utf[in.readUnsignedShort()];
                        byte[] data = in.readNBytes(in.readInt());
                        if (pass == 1 && attribute.equals("Code")) {
                            sizes.put(name, new DataInputStream(new ByteArrayInputStream(data, 4, 4)).readInt());
                        }
                    }
                }
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
