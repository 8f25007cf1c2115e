package dev.robusta.compiler.internal;

/**
 * The lookup of a large {@code br_table}: a {@code tableswitch} takes 4 bytes per label, so a table of
 * thousands of labels would not fit a method HotSpot compiles. The compiler numbers the distinct targets and
 * emits the table as a string constant, one char per label (the default last), looked up here; a small
 * {@code tableswitch} over the distinct targets follows.
 */
public final class BrTables {
    /** Above this many labels, a {@code br_table} is looked up in a string. */
    static final int SWITCH_LIMIT = 256;
    /** The most labels a string lookup holds (a constant takes at most 65,535 bytes, up to 3 per char). */
    static final int STRING_LIMIT = 21_000;

    private BrTables() {
    }

    /** The target number of index {@code i} in {@code table}: its char, or the last (the default) out of range. */
    public static int target(int i, String table) {
        int last = table.length() - 1;
        return table.charAt(Integer.compareUnsigned(i, last) < 0 ? i : last);
    }
}
