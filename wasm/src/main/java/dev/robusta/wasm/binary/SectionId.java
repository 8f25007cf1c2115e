package dev.robusta.wasm.binary;

import dev.robusta.wasm.Features;

/**
 * The ids of the binary format's sections, and the order the non-custom ones must come in.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#sections">Sections</a>
 */
public final class SectionId {
    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;
    /** The tag section of the exception-handling feature (3.0). */
    public static final int TAG = 13;

    /** The non-custom sections in the order a module must list them. */
    private static final int[] ORDER = {TYPE, IMPORT, FUNCTION, TABLE, MEMORY, TAG, GLOBAL, EXPORT, START, ELEMENT,
            DATA_COUNT, CODE, DATA};

    private SectionId() {
    }

    /**
     * The position of non-custom section {@code id} in the required order (1 for the type section), or -1
     * when {@code id} is no section under {@code features}.
     */
    public static int rank(int id, Features features) {
        if (id == TAG && !features.exceptions()) {
            return -1;
        }
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i] == id) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The non-custom section ids in their required order. */
    public static int[] order() {
        return ORDER.clone();
    }
}
