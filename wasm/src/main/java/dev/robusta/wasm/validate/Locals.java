package dev.robusta.wasm.validate;

import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * The types of a function's locals (its parameters, then its declared locals), looked up by index without
 * expanding huge declarations: up to {@link #EXPAND_LIMIT} locals are kept in an array, beyond that the
 * declared groups are searched by their prefix sums.
 */
final class Locals {
    /** Functions with at most this many locals get a flat array of types. */
    static final int EXPAND_LIMIT = 1 << 16;
    /** No locals at all: those of a constant expression. */
    static final Locals NONE = of(List.of(), List.of());

    private final ValType[] flat;
    private final long[] groupEnds;
    private final ValType[] groupTypes;
    private final long count;
    private final int paramCount;
    private final boolean nonDefaultable;

    private Locals(ValType[] flat, long[] groupEnds, ValType[] groupTypes, long count, int paramCount,
                   boolean nonDefaultable) {
        this.flat = flat;
        this.groupEnds = groupEnds;
        this.groupTypes = groupTypes;
        this.count = count;
        this.paramCount = paramCount;
        this.nonDefaultable = nonDefaultable;
    }

    /** The locals of a function with these parameters and declared local groups. */
    static Locals of(List<ValType> params, List<LocalGroup> groups) {
        long count = params.size();
        boolean nonDefaultable = false;
        for (LocalGroup g : groups) {
            count += Integer.toUnsignedLong(g.count());
            nonDefaultable |= g.count() != 0 && !isDefaultable(g.type());
        }
        if (count <= EXPAND_LIMIT) {
            ValType[] flat = new ValType[(int) count];
            int i = 0;
            for (ValType t : params) {
                flat[i++] = t;
            }
            for (LocalGroup g : groups) {
                for (int k = 0; k < g.count(); k++) {
                    flat[i++] = g.type();
                }
            }
            return new Locals(flat, null, null, count, params.size(), nonDefaultable);
        }
        // One group per parameter, then the declared groups; empty groups are kept (they never match).
        int n = params.size() + groups.size();
        long[] ends = new long[n];
        ValType[] types = new ValType[n];
        long end = 0;
        int i = 0;
        for (ValType t : params) {
            ends[i] = ++end;
            types[i++] = t;
        }
        for (LocalGroup g : groups) {
            end += Integer.toUnsignedLong(g.count());
            ends[i] = end;
            types[i++] = g.type();
        }
        return new Locals(null, ends, types, count, params.size(), nonDefaultable);
    }

    /** Whether a value of type {@code t} has a default (zero or null): all but non-nullable references. */
    static boolean isDefaultable(ValType t) {
        return !t.isReference() || t.isNullable();
    }

    /** Whether some declared local has no default value, so that its initialization must be tracked. */
    boolean hasNonDefaultable() {
        return nonDefaultable;
    }

    /** Whether local {@code idx} (which exists) is initialized on entry: a parameter or a defaultable local. */
    boolean isInitialized(int idx) {
        return idx < paramCount || isDefaultable(type(idx));
    }

    /** The number of locals, parameters included. */
    long count() {
        return count;
    }

    /** The type of local {@code idx} (a u32), or null when there is no such local. */
    ValType type(int idx) {
        long i = Integer.toUnsignedLong(idx);
        if (i >= count) {
            return null;
        }
        if (flat != null) {
            return flat[(int) i];
        }
        // The first group whose end exceeds i.
        int lo = 0;
        int hi = groupEnds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (groupEnds[mid] > i) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return groupTypes[lo];
    }
}
