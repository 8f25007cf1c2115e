package dev.robusta.compiler.internal;

import org.objectweb.asm.Label;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits a function too large for one JIT-compilable method into pieces: methods that each run a run of the
 * function's instructions. HotSpot does not compile methods of {@link #LIMIT} bytes of bytecode or more, and
 * the JVM does not load methods over 64 KB; every method the compiler emits aims below the former.
 *
 * <p>A piece is a run of instructions inside one block (or one arm of an {@code if}, or the function body)
 * that starts and ends at the same operand stack height and never takes operands from below it: the values
 * of enclosing code stay on the caller's stack. The locals go through a frame array shared by the
 * function's method and its pieces. A branch from the piece to a label outside it returns the label's depth
 * (plus one; 0 is "fell through the end") with the values the branch carries in the thread's result buffer,
 * and the caller branches on; {@code return} is a branch to the function's label. Pieces nest.
 *
 * <p>The choice: the function is first compiled into a scratch method while a {@link Recorder} notes, before
 * each instruction, the bytecode offset, the innermost block, the stack height and the lowest height since
 * the block's previous boundary, plus every branch target and local access. Then, innermost blocks first,
 * the content of a block whose remaining size exceeds the target is cut into runs of at most the target,
 * each run of at least {@link #MIN} bytes becoming a piece (whose size no longer counts for the enclosing
 * block). A block that branches to many blocks outside it (the {@code br_table} of a switch lowered to a
 * nest of blocks) is kept out of pieces: in a piece, every dispatch would return through each enclosing
 * piece. The plan is tried in a scratch class and made finer until every method is under {@link #LIMIT}.
 *
 * <p>The nest of blocks of a switch is a chain: the dispatch block, the block holding it, the block holding
 * that, and so on, the code of a case following the end of each ({@link Recorder#group}). Its cases are cut
 * into groups of consecutive cases of at most the target: a group is a piece that opens the blocks whose
 * ends it holds and takes the index of the end it starts at ({@link Region#chain}). The caller closes those
 * blocks itself; a branch to one of their ends pushes its index and jumps to the group's call, and a
 * {@code br_table} of thousands of labels maps each label to a group and an index through two strings. So
 * a dispatch is one call whatever the case, and the caller holds a call per group, not code per case.
 *
 * <p>A piece returns a code per label it leaves for, numbered by the method that calls it; calls at an
 * empty stack branch on it in one dispatch the method shares (C2 prunes the cases of a switch it has not
 * seen taken and deoptimizes when one is: one shared site is deoptimized once, not once per call).
 */
final class Split {
    /**
     * HotSpot does not JIT-compile a method of this many bytes of bytecode or more ({@code -XX:HugeMethodLimit},
     * on by default through {@code DontCompileHugeMethods}): such a method runs in the JVM's bytecode
     * interpreter forever. Every method the compiler emits aims below it.
     */
    static final int LIMIT = 8000;
    /** The largest method the JVM loads. */
    static final int MAX_METHOD = 65_535;
    /**
     * Functions larger than this (bytes of bytecode) are split, with some room below {@link #LIMIT} for the
     * estimates of the plan ({@code robusta.compiler.splitThreshold} for experiments).
     */
    static int threshold = Integer.getInteger("robusta.compiler.splitThreshold", 7000);
    /** The size a piece and the rest of a block aim at. */
    static int target = Integer.getInteger("robusta.compiler.splitTarget", threshold / 2);
    /** Whether functions are split at all: on unless {@code robusta.compiler.split} is false (experiments). */
    static boolean enabled = !"false".equals(System.getProperty("robusta.compiler.split"));
    /** How many pieces have been compiled (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger COMPILED = new java.util.concurrent.atomic.AtomicInteger();
    private static final boolean DEBUG = Boolean.getBoolean("robusta.compiler.debug");
    /** The smallest piece worth a call. */
    static final int MIN = 200;
    /** A block branching to more blocks outside it than this is a switch's dispatch, kept out of pieces. */
    private static final int DISPATCH_EXITS = 16;
    /** A rough cost of a piece call, plus per local passed. */
    private static final int CALL_COST = 30;
    private static final int EXIT_COST = 24;
    /** The cost of an entry of a group, in its caller. */
    private static final int ENTRY_COST = 6;
    /** The fewest blocks of a chain whose tails are grouped. */
    private static final int MIN_CHAIN = 4;

    private Split() {
    }

    /** A function that cannot be compiled into methods the JVM loads: it is left to the interpreter. */
    static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int funcIdx;

        TooLargeException(int funcIdx, int size) {
            super("needs a method of " + size + " bytes of bytecode (the JVM allows 65,535)", null, false, false);
            this.funcIdx = funcIdx;
        }
    }

    /** Logs a function whose largest method stays at or over {@link #LIMIT} after splitting. */
    static void warnNotJitCompilable(String function, int size) {
        Warnings.warn("robusta compiler: " + function + " has a method of " + size
                + " bytes of bytecode that could not be split below " + LIMIT + " (it runs, but HotSpot will not"
                + " JIT-compile it)");
    }

    /** With {@code robusta.compiler.debug}, prints a plan and the largest method it gives. */
    static void debug(int funcIdx, int size, int target, Plan plan, int largest) {
        if (!DEBUG) {
            return;
        }
        System.err.println("split f" + funcIdx + ": " + size + " bytes, target " + target + ", "
                + plan.byStart.size() + " pieces, largest method " + largest);
        for (Region r : plan.byStart.values()) {
            String exits = r.exits.size() <= 20 ? r.exits.toString() : r.exits.size() + " exits";
            System.err.println("  p" + r.id + " [" + r.start + "," + r.end + ") size " + r.size + " rw "
                    + r.readsOrWrites().cardinality() + " exits " + exits + " falls " + r.fallsThrough
                    + (r.chain > 0 ? " group of " + (r.chain + 1) : ""));
        }
    }

    /** A run of instructions compiled as a piece. */
    static final class Region {
        /** Code positions: the first instruction, and the first after the run. */
        int start;
        int end;
        /** The instruction counts at both ends (for fuel weights). */
        int startInstr;
        int endInstr;
        BitSet reads = new BitSet();
        BitSet writes = new BitSet();
        /** The codes the piece may return besides 0: 1 + the depth of a label outside it, seen from the call. */
        TreeSet<Integer> exits = new TreeSet<>();
        /** Whether the end of the run is reachable (the piece may return 0). */
        boolean fallsThrough;
        /** The piece's number in its function. */
        int id;
        /** Its estimated bytecode size. */
        int size;
        /**
         * For the group of a chain ({@link Recorder#group}): how many blocks end inside the run (the piece opens
         * them itself and can be entered at each of their ends, by the index it takes); 0 for a plain run.
         */
        int chain;
        /** For a group: the blocks (1 for the innermost) at whose end the piece can be entered. */
        BitSet entries;
        /** For a group: the positions of the blocks whose ends it holds, innermost first. */
        int[] blocks;
        /** The region chosen before this one with the same start (inside it), or null. */
        Region inner;

        BitSet readsOrWrites() {
            BitSet b = (BitSet) reads.clone();
            b.or(writes);
            return b;
        }
    }

    /** The pieces of one function, by start position. */
    static final class Plan {
        final Map<Integer, Region> byStart = new HashMap<>();
        /** The groups by the positions of the blocks whose ends they hold. */
        final Map<Integer, Region> groupOfBlock = new HashMap<>();
        /** What the function's analysis found (uses memory, fields, loops), kept for its pieces. */
        boolean[] scan;

        boolean isEmpty() {
            return byStart.isEmpty();
        }
    }

    /** What the scratch compilation notes. */
    static final class Recorder {
        private static final class Boundary {
            int pos;
            int instr;
            Label label;
            int ctl;
            int arm;
            boolean reachable;
            /** The operand stack height above the block's base, and whether no condition is pending. */
            int height;
            /** The lowest height since the block's previous boundary (the instructions before this one). */
            int low;
            boolean clean;
        }

        private static final class Ctl {
            int parent;
            int level;
            int startPos;
            List<Boundary> boundaries = new ArrayList<>();
            /** The blocks outside this one that its code branches to. */
            java.util.Set<Integer> exits = new java.util.HashSet<>();
            /** Whether it is a {@code block} (not a loop, an if or the function). */
            boolean block;
            /** In a chain: the index of the boundary where its chain child starts; -1 otherwise. */
            int link = -1;
            /** The top of a chain: the chain's blocks, innermost first (the dispatch block excluded). */
            List<Integer> chain;
            /** Whether it is the dispatch block at the bottom of a chain (kept whole in its caller). */
            boolean bottom;
        }

        private final List<Boundary> boundaries = new ArrayList<>();
        private final List<Ctl> ctls = new ArrayList<>();
        /** Branches: position and target block. */
        private final List<int[]> branches = new ArrayList<>();
        /** The blocks by the position of their first instruction. */
        private final Map<Integer, Integer> byStart = new HashMap<>();
        /** Local accesses: position, local index, 1 for a write. */
        private final List<int[]> locals = new ArrayList<>();
        private final List<Integer> postOrder = new ArrayList<>();
        private Label end;
        private int target;
        private int[] savings;
        private boolean chainsFound;
        /** The starts of the regions chosen so far. */
        private final java.util.Set<Integer> starts = new java.util.HashSet<>();

        int ctlStart(int parent, int level, int startPos, boolean block) {
            byStart.put(startPos, ctls.size());
            Ctl c = new Ctl();
            c.block = block;
            c.parent = parent;
            c.level = level;
            c.startPos = startPos;
            ctls.add(c);
            return ctls.size() - 1;
        }

        void ctlEnd(int id) {
            postOrder.add(id);
        }

        void boundary(int pos, int instr, Label label, int ctl, int arm, boolean reachable, int height, int low,
                      boolean clean) {
            Boundary b = new Boundary();
            b.pos = pos;
            b.instr = instr;
            b.label = label;
            b.ctl = ctl;
            b.arm = arm;
            b.reachable = reachable;
            b.height = height;
            b.low = low;
            b.clean = clean;
            boundaries.add(b);
            ctls.get(ctl).boundaries.add(b);
        }

        void branch(int pos, int target, int from) {
            branches.add(new int[] {pos, target});
            int level = ctls.get(target).level;
            for (int c = from; c >= 0 && ctls.get(c).level > level; c = ctls.get(c).parent) {
                if (!ctls.get(c).exits.add(target)) {
                    break;
                }
            }
        }

        void local(int pos, int idx, boolean write) {
            locals.add(new int[] {pos, idx, write ? 1 : 0});
        }

        /** Marks the end of the scratch method. */
        void end(Label label) {
            end = label;
        }

        int size() {
            return end.getOffset();
        }

        /** Chooses the pieces, aiming at runs of {@code target} bytes. */
        Plan plan(int target) {
            this.target = target;
            savings = new int[boundaries.get(boundaries.size() - 1).pos + 2];
            starts.clear();
            findChains();
            Plan plan = new Plan();
            List<Region> chosen = new ArrayList<>();
            for (int id : postOrder) {
                Ctl c = ctls.get(id);
                List<Boundary> bs = c.boundaries;
                if (bs.isEmpty() || c.bottom) {
                    continue;
                }
                if (c.link >= 0) {
                    // a block of a chain: the code before its chain child, and its tail, are cut apart
                    cut(id, bs.subList(0, c.link + 1), chosen);
                    cut(id, bs.subList(c.link + 1, bs.size()), chosen);
                    if (c.chain != null) {
                        group(c.chain, chosen);
                    }
                    continue;
                }
                int first = 0;
                while (first < bs.size()) {
                    int last = first;
                    while (last + 1 < bs.size() && bs.get(last + 1).arm == bs.get(first).arm) {
                        last++;
                    }
                    cut(id, bs.subList(first, last + 1), chosen);
                    first = last + 1;
                }
            }
            for (int i = 0; i < chosen.size(); i++) {
                Region r = chosen.get(i);
                r.id = i;
                r.inner = plan.byStart.put(r.start, r);
                for (int k = 0; k < r.chain; k++) {
                    plan.groupOfBlock.put(r.blocks[k], r);
                }
            }
            return plan;
        }

        /**
         * Finds the chains: the blocks that hold a dispatch block (one branching to many blocks outside it,
         * the {@code br_table} of a switch) directly, and the blocks that hold those, and so on up, as long as
         * each holds the previous at its base height with an empty type. In the nest of blocks clang makes of
         * a switch, the code of each case follows the end of a block of the chain (its "tail").
         */
        private void findChains() {
            if (chainsFound) {
                return;
            }
            chainsFound = true;
            boolean[] claimed = new boolean[ctls.size()];
            for (int id : postOrder) {
                Ctl d = ctls.get(id);
                if (claimed[id] || !d.block || d.exits.size() <= DISPATCH_EXITS) {
                    continue;
                }
                claimed[id] = true;
                List<Integer> chain = new ArrayList<>();
                for (int child = id; ; ) {
                    int parent = ctls.get(child).parent;
                    if (parent < 0 || claimed[parent] || !ctls.get(parent).block) {
                        break;
                    }
                    Ctl p = ctls.get(parent);
                    int at = boundaryAt(p.boundaries, ctls.get(child).startPos);
                    if (at < 0 || at + 1 >= p.boundaries.size()) {
                        break;
                    }
                    Boundary start = p.boundaries.get(at);
                    Boundary after = p.boundaries.get(at + 1);
                    if (start.height != 0 || !start.clean || after.reachable && (after.height != 0 || !after.clean)) {
                        break;
                    }
                    claimed[parent] = true;
                    p.link = at;
                    chain.add(parent);
                    child = parent;
                }
                if (chain.size() >= MIN_CHAIN) {
                    ctls.get(chain.get(chain.size() - 1)).chain = chain;
                    d.bottom = true;
                } else {
                    for (int p : chain) {
                        ctls.get(p).link = -1;
                    }
                }
            }
        }

        /** The index of the boundary at position {@code pos} in {@code bs} (in position order), or -1. */
        private static int boundaryAt(List<Boundary> bs, int pos) {
            int lo = 0;
            int hi = bs.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int p = bs.get(mid).pos;
                if (p == pos) {
                    return mid;
                }
                if (p < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }

        /**
         * Groups the tails of a chain, when the chain is too large, into runs of at most the target: a group is
         * a piece that opens the blocks whose ends it holds and is entered at the end of any of them (the
         * {@code br_table} of the caller goes to a stub that passes the index), so that one dispatch is one call
         * whichever case it takes.
         */
        private void group(List<Integer> chain, List<Region> chosen) {
            int n = chain.size();
            Boundary[] from = new Boundary[n];
            Boundary[] to = new Boundary[n];
            for (int j = 0; j < n; j++) {
                Ctl p = ctls.get(chain.get(j));
                from[j] = p.boundaries.get(p.link + 1);
                to[j] = p.boundaries.get(p.boundaries.size() - 1);
            }
            if (size(from[0], to[n - 1], chosen) <= target) {
                return;
            }
            int a = 0;
            while (a < n) {
                if (!from[a].reachable) {
                    a++;
                    continue;
                }
                int b = a;
                while (b + 1 < n && size(from[a], to[b + 1], chosen) <= target) {
                    b++;
                }
                if (b > a || !starts.contains(from[a].pos)) {
                    BitSet entries = new BitSet();
                    for (int k = 1; k <= b - a; k++) {
                        if (from[a + k].reachable) {
                            entries.set(k);
                        }
                    }
                    int[] blocks = new int[b - a];
                    for (int k = 0; k < blocks.length; k++) {
                        blocks[k] = ctls.get(chain.get(a + k)).startPos;
                    }
                    Region g = choose(chain.get(b), from[a], to[b], chosen, b - a, entries);
                    if (g != null) {
                        g.blocks = blocks;
                    }
                }
                a = b + 1;
            }
        }

        /** The size of [from, to) less the pieces already chosen inside, plus their calls. */
        private int size(Boundary from, Boundary to, List<Region> chosen) {
            return to.label.getOffset() - from.label.getOffset() - (saved(to.pos) - saved(from.pos));
        }

        /**
         * The bytes the pieces chosen so far save before position {@code pos} (a Fenwick tree by start: the
         * pieces inside a run are those that start in it, since pieces are chosen innermost first).
         */
        private int saved(int pos) {
            int sum = 0;
            for (int i = pos; i > 0; i -= i & -i) {
                sum += savings[i];
            }
            return sum;
        }

        private void save(int pos, int bytes) {
            for (int i = pos + 1; i < savings.length; i += i & -i) {
                savings[i] += bytes;
            }
        }

        /** Cuts the boundaries of one arm of a block into pieces, if the arm is too large. */
        private void cut(int ctlId, List<Boundary> bs, List<Region> chosen) {
            Boundary tail = bs.get(bs.size() - 1);
            if (size(bs.get(0), tail, chosen) <= target) {
                return;
            }
            Boundary runStart = null;
            Boundary lastGood = null;
            Boundary prev = null;
            for (Boundary b : bs) {
                if (runStart != null && prev != null && isDispatch(prev.pos)) {
                    // a block whose code branches to many blocks outside (the br_table of a switch): in a
                    // piece, its branches would all return through the piece; it stays in the caller
                    if (lastGood != null) {
                        choose(ctlId, runStart, lastGood, chosen);
                    }
                    runStart = null;
                    lastGood = null;
                }
                prev = b;
                if (runStart != null && lastGood != null && !canEnd(runStart, b, tail)
                        && size(runStart, b, chosen) > target) {
                    // the run is full and cannot end here (the stack is above its start): take what it has
                    // and start again from here, at this height
                    choose(ctlId, runStart, lastGood, chosen);
                    runStart = null;
                    lastGood = null;
                }
                if (runStart != null && b.low < runStart.height) {
                    // the code before b takes operands from below the run's start: the run cannot go on past b
                    if (lastGood != null) {
                        choose(ctlId, runStart, lastGood, chosen);
                    }
                    runStart = null;
                    lastGood = null;
                }
                if (runStart != null && canEnd(runStart, b, tail)) {
                    if (size(runStart, b, chosen) <= target) {
                        lastGood = b;
                        continue;
                    }
                    if (lastGood != null) {
                        choose(ctlId, runStart, lastGood, chosen);
                        runStart = canStart(lastGood) ? lastGood : null;
                        lastGood = null;
                        if (runStart != null && size(runStart, b, chosen) <= target) {
                            lastGood = b;
                            continue;
                        }
                    }
                    if (runStart != null) {
                        choose(ctlId, runStart, b, chosen);
                        runStart = null;
                    }
                }
                if (runStart == null && canStart(b)) {
                    runStart = b;
                    lastGood = null;
                }
            }
            if (runStart != null && lastGood != null) {
                choose(ctlId, runStart, lastGood, chosen);
            }
        }

        /**
         * Whether a run from {@code start} may end at {@code b}: the stack back at the start's height (the run
         * takes no operands and leaves none), or the unreachable end of the arm.
         */
        private static boolean canEnd(Boundary start, Boundary b, Boundary tail) {
            return b.reachable ? b.clean && b.height == start.height : b == tail;
        }

        /** Whether the block starting at {@code pos} (if any) branches to many blocks outside it. */
        private boolean isDispatch(int pos) {
            Integer id = byStart.get(pos);
            return id != null && ctls.get(id).exits.size() > DISPATCH_EXITS;
        }

        /** The index of the first entry at position {@code pos} or after, in a list in position order. */
        private static int first(List<int[]> list, int pos) {
            int lo = 0;
            int hi = list.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (list.get(mid)[0] < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static boolean canStart(Boundary b) {
            return b.reachable && b.clean;
        }

        private void choose(int ctlId, Boundary from, Boundary to, List<Region> chosen) {
            choose(ctlId, from, to, chosen, 0, null);
        }

        /** Chooses [from, to) in block {@code ctlId}, crossing the ends of {@code chain} blocks (a group). */
        private Region choose(int ctlId, Boundary from, Boundary to, List<Region> chosen, int chain,
                              BitSet entries) {
            int size = size(from, to, chosen);
            if (size < MIN) {
                return null;
            }
            Region r = new Region();
            r.start = from.pos;
            r.end = to.pos;
            r.startInstr = from.instr;
            r.endInstr = to.instr;
            r.fallsThrough = to.reachable;
            r.size = size;
            r.chain = chain;
            r.entries = entries;
            for (int i = first(locals, r.start); i < locals.size() && locals.get(i)[0] < r.end; i++) {
                int[] l = locals.get(i);
                (l[2] == 1 ? r.writes : r.reads).set(l[1]);
            }
            int level = ctls.get(ctlId).level;
            for (int i = first(branches, r.start); i < branches.size() && branches.get(i)[0] < r.end; i++) {
                Ctl target = ctls.get(branches.get(i)[1]);
                if (target.level <= level) {
                    r.exits.add(1 + level - target.level);
                }
            }
            chosen.add(r);
            starts.add(r.start);
            save(r.start, r.size - CALL_COST - EXIT_COST * r.exits.size() - ENTRY_COST * chain);
            return r;
        }
    }
}
