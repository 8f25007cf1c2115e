package dev.robusta.compiler.internal;

import org.objectweb.asm.Label;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits a function too large for one method into pieces: methods that each run a run of the function's
 * instructions. The JVM does not load methods over 64 KB of bytecode (and HotSpot does not compile methods
 * over 8,000 bytes: see {@link #threshold}).
 *
 * <p>A piece is a run of instructions inside one block (or one arm of an {@code if}, or the function body)
 * that starts and ends with the block's operand stack empty: it takes no operands and leaves none, so the
 * values of enclosing code stay on the caller's stack. The locals it reads or writes go through a frame
 * array: the caller stores them before the call and reloads those it writes after. A branch from the piece to
 * a label outside it returns the label's depth (plus one; 0 is "fell through the end") with the values the
 * branch carries in the thread's result buffer, and the caller branches on; {@code return} is a branch to the
 * function's label. Pieces nest: a piece may call pieces of its own.
 *
 * <p>The choice: the function is first compiled into a scratch method while a {@link Recorder} notes, before
 * each instruction, the bytecode offset, the innermost block and whether its stack is empty, plus every
 * branch target and local access. Then, innermost blocks first, the content of a block whose remaining size
 * exceeds {@link #target} is cut at empty-stack points into runs of at most {@code target} bytes, each run
 * of at least {@link #MIN} bytes becoming a piece (whose size no longer counts for the enclosing block).
 */
final class Split {
    /**
     * Functions larger than this (bytes of bytecode) are split: by default those the JVM cannot load as one
     * method. Splitting below HotSpot's 8,000 bytes made an interpreter loop with a 300-case switch slower,
     * not faster (the pieces of nested blocks call each other and dispatch on exit codes at every step), so
     * the lower threshold is only available for experiments ({@code robusta.compiler.splitThreshold}).
     */
    static int threshold = Integer.getInteger("robusta.compiler.splitThreshold", 60_000);
    /** The size a piece and the rest of a block aim at. */
    static int target = Integer.getInteger("robusta.compiler.splitTarget", threshold / 2);
    /** Whether functions are split at all: experimental, off unless {@code robusta.compiler.split} is true. */
    static boolean enabled = Boolean.getBoolean("robusta.compiler.split");
    /** How many pieces have been compiled (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger COMPILED = new java.util.concurrent.atomic.AtomicInteger();
    /** The smallest piece worth a call. */
    static final int MIN = 200;
    /** A rough cost of a piece call, plus per local passed. */
    private static final int CALL_COST = 30;
    private static final int EXIT_COST = 24;

    private Split() {
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

        BitSet readsOrWrites() {
            BitSet b = (BitSet) reads.clone();
            b.or(writes);
            return b;
        }
    }

    /** The pieces of one function, by start position. */
    static final class Plan {
        final Map<Integer, Region> byStart = new HashMap<>();

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
            boolean empty;
        }

        private static final class Ctl {
            int parent;
            int level;
            int startPos;
            List<Boundary> boundaries = new ArrayList<>();
        }

        private final List<Boundary> boundaries = new ArrayList<>();
        private final List<Ctl> ctls = new ArrayList<>();
        /** Branches: position and target block. */
        private final List<int[]> branches = new ArrayList<>();
        /** Local accesses: position, local index, 1 for a write. */
        private final List<int[]> locals = new ArrayList<>();
        private final List<Integer> postOrder = new ArrayList<>();
        private Label end;

        int ctlStart(int parent, int level, int startPos) {
            Ctl c = new Ctl();
            c.parent = parent;
            c.level = level;
            c.startPos = startPos;
            ctls.add(c);
            return ctls.size() - 1;
        }

        void ctlEnd(int id) {
            postOrder.add(id);
        }

        void boundary(int pos, int instr, Label label, int ctl, int arm, boolean reachable, boolean empty) {
            Boundary b = new Boundary();
            b.pos = pos;
            b.instr = instr;
            b.label = label;
            b.ctl = ctl;
            b.arm = arm;
            b.reachable = reachable;
            b.empty = empty;
            boundaries.add(b);
            ctls.get(ctl).boundaries.add(b);
        }

        void branch(int pos, int target) {
            branches.add(new int[] {pos, target});
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

        /** Chooses the pieces. */
        Plan plan() {
            Plan plan = new Plan();
            List<Region> chosen = new ArrayList<>();
            for (int id : postOrder) {
                Ctl c = ctls.get(id);
                List<Boundary> bs = c.boundaries;
                if (bs.isEmpty()) {
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
                plan.byStart.put(r.start, r);
            }
            return plan;
        }

        /** The size of [from, to) less the pieces already chosen inside, plus their calls. */
        private int size(Boundary from, Boundary to, List<Region> chosen) {
            int size = to.label.getOffset() - from.label.getOffset();
            for (Region r : chosen) {
                if (r.start >= from.pos && r.end <= to.pos) {
                    size -= r.size - CALL_COST - EXIT_COST * r.exits.size();
                }
            }
            return size;
        }

        /** Cuts the boundaries of one arm of a block into pieces, if the arm is too large. */
        private void cut(int ctlId, List<Boundary> bs, List<Region> chosen) {
            Boundary tail = bs.get(bs.size() - 1);
            if (size(bs.get(0), tail, chosen) <= target) {
                return;
            }
            Boundary runStart = null;
            Boundary lastGood = null;
            for (Boundary b : bs) {
                if (runStart != null && (b.reachable ? b.empty : b == tail)) {
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

        private static boolean canStart(Boundary b) {
            return b.reachable && b.empty;
        }

        private void choose(int ctlId, Boundary from, Boundary to, List<Region> chosen) {
            int size = size(from, to, chosen);
            if (size < MIN) {
                return;
            }
            Region r = new Region();
            r.start = from.pos;
            r.end = to.pos;
            r.startInstr = from.instr;
            r.endInstr = to.instr;
            r.fallsThrough = to.reachable;
            r.size = size;
            for (int[] l : locals) {
                if (l[0] >= r.start && l[0] < r.end) {
                    (l[2] == 1 ? r.writes : r.reads).set(l[1]);
                }
            }
            int level = ctls.get(ctlId).level;
            for (int[] br : branches) {
                if (br[0] >= r.start && br[0] < r.end) {
                    Ctl target = ctls.get(br[1]);
                    if (target.startPos < r.start) {
                        r.exits.add(1 + level - target.level);
                    }
                }
            }
            chosen.add(r);
        }
    }
}
