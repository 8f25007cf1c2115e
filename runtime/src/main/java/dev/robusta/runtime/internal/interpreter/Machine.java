package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.ExceptionInstance;
import dev.robusta.runtime.internal.TagInstance;
import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.GlobalInstance;
import dev.robusta.runtime.internal.Limits;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.runtime.internal.Traps;
import dev.robusta.runtime.internal.WasmFunction;
import dev.robusta.runtime.internal.simd.Simd;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interpreter: one per thread, holding the operand stack ({@code long[]} slots and a parallel
 * {@code Object[]} for references) and the frame stack. Calls between WebAssembly functions push a frame
 * and stay in the dispatch loop, so guest recursion uses no Java stack; only a host function that calls back
 * into WebAssembly nests a new loop (bounded by {@link #MAX_REENTRY}).
 *
 * <p>A frame is {@code [fp, fp + localSlots)} for parameters and locals, then its operand stack. The caller's
 * registers (pc, fp, function, instance) are saved at the callee's depth in the frame arrays.
 *
 * <p>Limits (fuel, deadline, interruption) share one countdown, {@link #budget}, charged at calls and loop
 * back-edges; {@link #checkLimits} runs when it goes negative.
 */
public final class Machine extends Limits {
    private static final ThreadLocal<Machine> CURRENT = ThreadLocal.withInitial(Machine::new);
    private static final int INITIAL_SLOTS = 1024;
    private static final int INITIAL_FRAMES = 64;
    /** The most operand stack slots a thread may use (64 MiB of longs). */
    static final int MAX_SLOTS = 1 << 23;
    /** How many nested host-to-WebAssembly calls a thread may make. */
    static final int MAX_REENTRY = 1000;
    private static final int MAX_TRACE = 256;
    private static final byte[] NO_MEMORY = new byte[0];
    private static final long[] NO_SLOTS = new long[0];

    private long[] stack = new long[INITIAL_SLOTS];
    private Object[] refs = new Object[INITIAL_SLOTS];
    private int sp;
    private int depth;
    private int reentry;
    private int[] framePc = new int[INITIAL_FRAMES];
    private int[] frameFp = new int[INITIAL_FRAMES];
    private LoweredFunction[] frameFn = new LoweredFunction[INITIAL_FRAMES];
    private ModuleInstance[] frameInst = new ModuleInstance[INITIAL_FRAMES];
    private int peakSlots;
    private int peakDepth;

    // The frame run() starts with.
    private LoweredFunction entryFn;
    private ModuleInstance entryInst;
    private int entryFp;

    // Limits of the current call from the host.

    private Machine() {
    }

    /** The calling thread's interpreter. */
    public static Machine current() {
        return CURRENT.get();
    }

    /**
     * Calls {@code f} with arguments in slot form and writes its results in slot form. Re-entrant: a host
     * function called by the guest may call back in.
     */
    public void invoke(WasmFunction f, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        int base = sp;
        int savedDepth = depth;
        boolean top = savedDepth == 0 && reentry == 0;
        if (top) {
            startLimits(f.instance);
        } else if (reentry >= MAX_REENTRY) {
            throw Traps.callStackExhausted();
        }
        reentry++;
        try {
            LoweredFunction callee = f.lowered();
            int d = savedDepth + 1;
            if (d > maxDepth) {
                throw Traps.callStackExhausted();
            }
            if ((budget -= callee.weight) < 0) {
                checkLimits(f.instance);
            }
            if (d >= framePc.length) {
                growFrames(d);
            }
            int frameTop = base + Math.max(callee.frameSize, callee.paramSlots);
            if (frameTop > stack.length) {
                growStack(frameTop);
            }
            peak(frameTop, d);
            System.arraycopy(args, 0, stack, base, callee.paramSlots);
            if (argRefs != null) {
                System.arraycopy(argRefs, 0, refs, base, callee.paramSlots);
            }
            int locals = base + callee.localSlots;
            Arrays.fill(stack, base + callee.paramSlots, locals, 0L);
            if (callee.refLocals) {
                Arrays.fill(refs, base + callee.paramSlots, locals, null);
            }
            frameFn[d] = null;
            frameInst[d] = null;
            depth = d;
            entryFn = callee;
            entryInst = f.instance;
            entryFp = base;
            sp = locals;
            run(d);
            System.arraycopy(stack, base, results, 0, results.length);
            if (resultRefs != null) {
                System.arraycopy(refs, base, resultRefs, 0, resultRefs.length);
            }
        } finally {
            sp = base;
            depth = savedDepth;
            reentry--;
            if (top) {
                finish();
            }
        }
    }

    /** Forgets the references the finished call left behind, and gives back a grown stack. */
    private void finish() {
        Arrays.fill(refs, 0, Math.min(peakSlots, refs.length), null);
        int frames = Math.min(peakDepth + 1, frameFn.length);
        Arrays.fill(frameFn, 0, frames, null);
        Arrays.fill(frameInst, 0, frames, null);
        peakSlots = 0;
        peakDepth = 0;
        endLimits();
        entryFn = null;
        entryInst = null;
        if (stack.length > (1 << 20)) {
            stack = new long[INITIAL_SLOTS];
            refs = new Object[INITIAL_SLOTS];
        }
        if (framePc.length > (1 << 16)) {
            framePc = new int[INITIAL_FRAMES];
            frameFp = new int[INITIAL_FRAMES];
            frameFn = new LoweredFunction[INITIAL_FRAMES];
            frameInst = new ModuleInstance[INITIAL_FRAMES];
        }
    }

    private void peak(int slots, int d) {
        if (slots > peakSlots) {
            peakSlots = slots;
        }
        if (d > peakDepth) {
            peakDepth = d;
        }
    }

    private void growStack(int needed) {
        if (needed > MAX_SLOTS) {
            throw Traps.callStackExhausted();
        }
        int n = (int) Math.min(MAX_SLOTS, Math.max(needed, (long) stack.length * 2));
        try {
            stack = Arrays.copyOf(stack, n);
            refs = Arrays.copyOf(refs, n);
        } catch (OutOfMemoryError e) {
            throw Traps.callStackExhausted();
        }
    }

    private void growFrames(int d) {
        int n = Math.max(d + 1, framePc.length * 2);
        framePc = Arrays.copyOf(framePc, n);
        frameFp = Arrays.copyOf(frameFp, n);
        frameFn = Arrays.copyOf(frameFn, n);
        frameInst = Arrays.copyOf(frameInst, n);
    }

    /**
     * Calls a function this loop does not run itself (a host function, or one of another engine) with the
     * top {@code paramSlots} of the stack; returns the new stack pointer.
     */
    private int callHost(FunctionInstance h, int sp, ModuleInstance caller) {
        int base = sp - h.paramSlots;
        long[] args = h.paramSlots == 0 ? NO_SLOTS : Arrays.copyOfRange(stack, base, sp);
        Object[] argRefs = h.refParams ? Arrays.copyOfRange(refs, base, sp) : null;
        long[] results = h.resultSlots == 0 ? NO_SLOTS : new long[h.resultSlots];
        Object[] resultRefs = h.refResults ? new Object[h.resultSlots] : null;
        this.sp = base;
        if (--budget < 0) {
            checkLimits(caller);
        }
        h.invoke(caller, args, argRefs, results, resultRefs);
        System.arraycopy(results, 0, stack, base, results.length);
        if (resultRefs != null) {
            System.arraycopy(resultRefs, 0, refs, base, resultRefs.length);
        }
        return base + results.length;
    }

    /** Adds the frames of this loop (innermost first) to a trap's wasm stack trace. */
    private TrapException withTrace(TrapException e, LoweredFunction fn, int entryDepth) {
        List<String> frames = new ArrayList<>(e.wasmStackTrace());
        if (frames.size() < MAX_TRACE) {
            frames.add(fn.name);
        }
        for (int d = depth; d > entryDepth && frames.size() < MAX_TRACE; d--) {
            frames.add(frameFn[d].name);
        }
        return e.withWasmStackTrace(frames);
    }

    /** The next pc of a compare-and-branch: the target when taken (charging a back-edge's weight), else past it. */
    private int branch(boolean taken, int[] code, int pc, ModuleInstance inst) {
        if (!taken) {
            return pc + 2;
        }
        int weight = code[pc + 1];
        if (weight != 0 && (budget -= weight) < 0) {
            checkLimits(inst);
        }
        return code[pc];
    }

    /** Runs the frame set up by {@link #invoke} until it returns. */
    private void run(int entryDepth) {
        LoweredFunction fn = entryFn;
        ModuleInstance inst = entryInst;
        int fp = entryFp;
        int sp = this.sp;
        int pc = 0;
        while (true) {
            try {
                frame:
                while (true) {
                    final long[] s = stack;
                    final Object[] r = refs;
                    final int[] code = fn.code;
                    final FunctionInstance[] funcs = inst.functions;
                    final GlobalInstance[] globals = inst.globals;
                    final ByteArrayMemory memory = inst.memory0;
                    int memLength = memory == null ? 0 : memory.length;
                    byte[] mem = memory == null ? NO_MEMORY : memory.bytes;
                    while (true) {
                        final int op = code[pc++];
                        switch (op) {
                            // ---- control ----
                            case Op.UNREACHABLE:
                                throw Traps.trap(Trap.UNREACHABLE);
                            case Op.BR_UNLESS:
                                pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
                                break;
                            case Op.BR_BACK:
                                if ((budget -= code[pc + 1]) < 0) {
                                    checkLimits(inst);
                                }
                                pc = code[pc];
                                break;
                            case Op.BR_IF_BACK:
                                if ((int) s[--sp] != 0) {
                                    if ((budget -= code[pc + 1]) < 0) {
                                        checkLimits(inst);
                                    }
                                    pc = code[pc];
                                } else {
                                    pc += 2;
                                }
                                break;
                            case Op.DROP_KEEP: {
                                int dst = fp + code[pc];
                                int n = code[pc + 1];
                                pc += 2;
                                if (n == 1) {
                                    s[dst] = s[sp - 1];
                                } else {
                                    System.arraycopy(s, sp - n, s, dst, n);
                                }
                                sp = dst + n;
                                break;
                            }
                            case Op.DROP_KEEP_REF: {
                                int dst = fp + code[pc];
                                int n = code[pc + 1];
                                pc += 2;
                                System.arraycopy(s, sp - n, s, dst, n);
                                System.arraycopy(r, sp - n, r, dst, n);
                                sp = dst + n;
                                break;
                            }
                            case Op.BR:
                                pc = code[pc];
                                break;
                            case Op.BR_IF:
                                pc = (int) s[--sp] != 0 ? code[pc] : pc + 1;
                                break;
                            case Op.BR_TABLE: {
                                int n = code[pc];
                                int i = (int) s[--sp];
                                if (Integer.compareUnsigned(i, n - 1) > 0) {
                                    i = n - 1;
                                }
                                pc = code[pc + 1 + i];
                                break;
                            }
                            case Op.RETURN: {
                                int n = fn.resultSlots;
                                if (n == 1) {
                                    s[fp] = s[sp - 1];
                                    if (fn.refResults) {
                                        r[fp] = r[sp - 1];
                                    }
                                } else if (n != 0) {
                                    System.arraycopy(s, sp - n, s, fp, n);
                                    if (fn.refResults) {
                                        System.arraycopy(r, sp - n, r, fp, n);
                                    }
                                }
                                sp = fp + n;
                                int d = depth;
                                if (d == entryDepth) {
                                    this.sp = sp;
                                    return;
                                }
                                pc = framePc[d];
                                fp = frameFp[d];
                                fn = frameFn[d];
                                inst = frameInst[d];
                                depth = d - 1;
                                continue frame;
                            }
                            case Op.CALL:
                            case Op.CALL_INDIRECT:
                            case Op.CALL_REF: {
                                FunctionInstance f;
                                if (op == Op.CALL) {
                                    f = funcs[code[pc++]];
                                } else if (op == Op.CALL_INDIRECT) {
                                    f = BulkOps.indirect(inst, fn, code[pc], code[pc + 1], s[--sp]);
                                    pc += 2;
                                } else {
                                    f = BulkOps.nonNullFunction(r[--sp]);
                                    pc++;
                                }
                                if (f instanceof WasmFunction) {
                                    WasmFunction w = (WasmFunction) f;
                                    LoweredFunction callee = w.lowered();
                                    int d = depth + 1;
                                    if (d > maxDepth) {
                                        throw Traps.callStackExhausted();
                                    }
                                    if ((budget -= callee.weight) < 0) {
                                        checkLimits(w.instance);
                                    }
                                    if (d >= framePc.length) {
                                        growFrames(d);
                                    }
                                    int nfp = sp - callee.paramSlots;
                                    int frameTop = nfp + callee.frameSize;
                                    if (frameTop > s.length) {
                                        growStack(frameTop);
                                    }
                                    peak(frameTop, d);
                                    framePc[d] = pc;
                                    frameFp[d] = fp;
                                    frameFn[d] = fn;
                                    frameInst[d] = inst;
                                    int locals = nfp + callee.localSlots;
                                    long[] st = stack;
                                    for (int i = sp; i < locals; i++) {
                                        st[i] = 0L;
                                    }
                                    if (callee.refLocals) {
                                        Arrays.fill(refs, sp, locals, null);
                                    }
                                    depth = d;
                                    fp = nfp;
                                    sp = locals;
                                    fn = callee;
                                    inst = w.instance;
                                    pc = 0;
                                    continue frame;
                                }
                                sp = callHost(f, sp, inst);
                                continue frame;
                            }

                            case Op.RETURN_CALL:
                            case Op.RETURN_CALL_INDIRECT:
                            case Op.RETURN_CALL_REF: {
                                FunctionInstance f;
                                if (op == Op.RETURN_CALL) {
                                    f = funcs[code[pc++]];
                                } else if (op == Op.RETURN_CALL_INDIRECT) {
                                    f = BulkOps.indirect(inst, fn, code[pc], code[pc + 1], s[--sp]);
                                    pc += 2;
                                } else {
                                    f = BulkOps.nonNullFunction(r[--sp]);
                                    pc++;
                                }
                                if (!(f instanceof WasmFunction)) {
                                    // the host's results are returned by the RETURN that follows
                                    sp = callHost(f, sp, inst);
                                    continue frame;
                                }
                                WasmFunction w = (WasmFunction) f;
                                LoweredFunction callee = w.lowered();
                                if ((budget -= callee.weight) < 0) {
                                    checkLimits(w.instance);
                                }
                                int n = callee.paramSlots;
                                System.arraycopy(s, sp - n, s, fp, n);
                                if (w.refParams) {
                                    System.arraycopy(r, sp - n, r, fp, n);
                                }
                                int frameTop = fp + callee.frameSize;
                                if (frameTop > s.length) {
                                    growStack(frameTop);
                                }
                                peak(frameTop, depth);
                                int locals = fp + callee.localSlots;
                                Arrays.fill(stack, fp + n, locals, 0L);
                                if (callee.refLocals) {
                                    Arrays.fill(refs, fp + n, locals, null);
                                }
                                sp = locals;
                                fn = callee;
                                inst = w.instance;
                                pc = 0;
                                continue frame;
                            }

                            // ---- parametric and variables ----
                            case Op.DROP:
                                sp--;
                                break;
                            case Op.DROP2:
                                sp -= 2;
                                break;
                            case Op.SELECT: {
                                int c = (int) s[--sp];
                                sp--;
                                if (c == 0) {
                                    s[sp - 1] = s[sp];
                                }
                                break;
                            }
                            case Op.SELECT_V128: {
                                int c = (int) s[--sp];
                                sp -= 2;
                                if (c == 0) {
                                    s[sp - 2] = s[sp];
                                    s[sp - 1] = s[sp + 1];
                                }
                                break;
                            }
                            case Op.SELECT_REF: {
                                int c = (int) s[--sp];
                                sp--;
                                if (c == 0) {
                                    r[sp - 1] = r[sp];
                                }
                                break;
                            }
                            case Op.LOCAL_GET:
                                s[sp++] = s[fp + code[pc++]];
                                break;
                            case Op.LOCAL_SET:
                                s[fp + code[pc++]] = s[--sp];
                                break;
                            case Op.LOCAL_TEE:
                                s[fp + code[pc++]] = s[sp - 1];
                                break;
                            case Op.LOCAL_GET_REF:
                                r[sp++] = r[fp + code[pc++]];
                                break;
                            case Op.LOCAL_SET_REF:
                                r[fp + code[pc++]] = r[--sp];
                                break;
                            case Op.LOCAL_TEE_REF:
                                r[fp + code[pc++]] = r[sp - 1];
                                break;
                            case Op.LOCAL_GET_V128: {
                                int i = fp + code[pc++];
                                s[sp] = s[i];
                                s[sp + 1] = s[i + 1];
                                sp += 2;
                                break;
                            }
                            case Op.LOCAL_SET_V128: {
                                int i = fp + code[pc++];
                                sp -= 2;
                                s[i] = s[sp];
                                s[i + 1] = s[sp + 1];
                                break;
                            }
                            case Op.LOCAL_TEE_V128: {
                                int i = fp + code[pc++];
                                s[i] = s[sp - 2];
                                s[i + 1] = s[sp - 1];
                                break;
                            }
                            case Op.GLOBAL_GET:
                                s[sp++] = globals[code[pc++]].value;
                                break;
                            case Op.GLOBAL_SET:
                                globals[code[pc++]].value = s[--sp];
                                break;
                            case Op.GLOBAL_GET_REF:
                                r[sp++] = globals[code[pc++]].ref;
                                break;
                            case Op.GLOBAL_SET_REF:
                                globals[code[pc++]].ref = r[--sp];
                                break;
                            case Op.GLOBAL_GET_V128: {
                                GlobalInstance g = globals[code[pc++]];
                                s[sp] = g.value;
                                s[sp + 1] = g.hi;
                                sp += 2;
                                break;
                            }
                            case Op.GLOBAL_SET_V128: {
                                GlobalInstance g = globals[code[pc++]];
                                sp -= 2;
                                g.value = s[sp];
                                g.hi = s[sp + 1];
                                break;
                            }

                            // ---- memory ----
                            case Op.I32_LOAD:
                            case Op.F32_LOAD:
                                s[sp - 1] = MemoryOps.i32(mem, memLength, s[sp - 1], code[pc++]);
                                break;
                            case Op.I64_LOAD:
                            case Op.F64_LOAD:
                                s[sp - 1] = MemoryOps.i64(mem, memLength, s[sp - 1], code[pc++]);
                                break;
                            case Op.I32_LOAD8_U:
                            case Op.I64_LOAD8_U:
                                s[sp - 1] = mem[MemoryOps.index(memLength, s[sp - 1], code[pc++], 1)] & 0xFF;
                                break;
                            case Op.I32_LOAD8_S:
                            case Op.I64_LOAD8_S:
                                s[sp - 1] = mem[MemoryOps.index(memLength, s[sp - 1], code[pc++], 1)];
                                break;
                            case Op.I32_LOAD16_S: case Op.I32_LOAD16_U:
                            case Op.I64_LOAD16_S: case Op.I64_LOAD16_U:
                            case Op.I64_LOAD32_S: case Op.I64_LOAD32_U:
                                s[sp - 1] = MemoryOps.load(op, mem, memLength, s[sp - 1], code[pc++]);
                                break;
                            case Op.I32_STORE:
                            case Op.F32_STORE:
                                sp -= 2;
                                MemoryOps.storeI32(mem, memLength, s[sp], code[pc++], (int) s[sp + 1]);
                                break;
                            case Op.I64_STORE:
                            case Op.F64_STORE:
                                sp -= 2;
                                MemoryOps.storeI64(mem, memLength, s[sp], code[pc++], s[sp + 1]);
                                break;
                            case Op.I32_STORE8:
                            case Op.I64_STORE8:
                                sp -= 2;
                                mem[MemoryOps.index(memLength, s[sp], code[pc++], 1)] = (byte) s[sp + 1];
                                break;
                            case Op.I32_STORE16: case Op.I64_STORE16:
                            case Op.I64_STORE32:
                                sp -= 2;
                                MemoryOps.store(op, mem, memLength, s[sp], code[pc++], s[sp + 1]);
                                break;
                            case Op.MEMORY_SIZE:
                                s[sp++] = inst.memories[code[pc++]].size();
                                break;
                            case Op.MEMORY_GROW:
                                s[sp - 1] = inst.memories[code[pc++]].growBy(s[sp - 1]);
                                memLength = memory.length;
                                mem = memory.bytes;
                                break;
                            case Op.MEM64:
                                sp = MemoryOps.exec64(code[pc], inst.memories[code[pc + 1]], s, sp,
                                        (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32));
                                pc += 4;
                                break;
                            case Op.MEM_OTHER:
                                sp = MemoryOps.exec(code[pc], inst.memories[code[pc + 1]], s, sp, code[pc + 2]);
                                pc += 3;
                                break;
                            case Op.CONST32:
                                s[sp++] = code[pc++];
                                break;
                            case Op.CONST64:
                                s[sp++] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
                                pc += 2;
                                break;

                            // ---- the most frequent i32 and i64 instructions ----
                            case 0x45:
                                s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                                break;
                            case 0x46:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
                                break;
                            case 0x47:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
                                break;
                            case 0x48:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
                                break;
                            case 0x49:
                                sp--;
                                s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0;
                                break;
                            case 0x4A:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
                                break;
                            case 0x4B:
                                sp--;
                                s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0;
                                break;
                            case 0x4C:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
                                break;
                            case 0x4D:
                                sp--;
                                s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0;
                                break;
                            case 0x4E:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
                                break;
                            case 0x4F:
                                sp--;
                                s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0;
                                break;
                            case 0x50:
                                s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                                break;
                            case 0x51:
                                sp--;
                                s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0;
                                break;
                            case 0x52:
                                sp--;
                                s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0;
                                break;
                            case 0x53:
                                sp--;
                                s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
                                break;
                            case 0x6A:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] + (int) s[sp];
                                break;
                            case 0x6B:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] - (int) s[sp];
                                break;
                            case 0x6C:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] * (int) s[sp];
                                break;
                            case 0x71:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] & (int) s[sp];
                                break;
                            case 0x72:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] | (int) s[sp];
                                break;
                            case 0x73:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp];
                                break;
                            case 0x74:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] << (int) s[sp];
                                break;
                            case 0x75:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] >> (int) s[sp];
                                break;
                            case 0x76:
                                sp--;
                                s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp];
                                break;
                            case 0x7C:
                                sp--;
                                s[sp - 1] += s[sp];
                                break;
                            case 0x7D:
                                sp--;
                                s[sp - 1] -= s[sp];
                                break;
                            case 0x7E:
                                sp--;
                                s[sp - 1] *= s[sp];
                                break;
                            case 0x83:
                                sp--;
                                s[sp - 1] &= s[sp];
                                break;
                            case 0x84:
                                sp--;
                                s[sp - 1] |= s[sp];
                                break;
                            case 0x85:
                                sp--;
                                s[sp - 1] ^= s[sp];
                                break;
                            case 0x86:
                                sp--;
                                s[sp - 1] <<= s[sp];
                                break;
                            case 0x87:
                                sp--;
                                s[sp - 1] >>= s[sp];
                                break;
                            case 0x88:
                                sp--;
                                s[sp - 1] >>>= s[sp];
                                break;
                            case 0xA7:
                                s[sp - 1] = (int) s[sp - 1];
                                break;
                            case 0xAC:
                                s[sp - 1] = (int) s[sp - 1];
                                break;
                            case 0x92:
                                sp--;
                                s[sp - 1] = Float.floatToRawIntBits(Float.intBitsToFloat((int) s[sp - 1])
                                        + Float.intBitsToFloat((int) s[sp]));
                                break;
                            case 0x93:
                                sp--;
                                s[sp - 1] = Float.floatToRawIntBits(Float.intBitsToFloat((int) s[sp - 1])
                                        - Float.intBitsToFloat((int) s[sp]));
                                break;
                            case 0x94:
                                sp--;
                                s[sp - 1] = Float.floatToRawIntBits(Float.intBitsToFloat((int) s[sp - 1])
                                        * Float.intBitsToFloat((int) s[sp]));
                                break;
                            case 0xA0:
                                sp--;
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        + Double.longBitsToDouble(s[sp]));
                                break;
                            case 0xA1:
                                sp--;
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        - Double.longBitsToDouble(s[sp]));
                                break;
                            case 0xA2:
                                sp--;
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        * Double.longBitsToDouble(s[sp]));
                                break;
                            case 0xA3:
                                sp--;
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        / Double.longBitsToDouble(s[sp]));
                                break;
                            case 0x63:
                                sp--;
                                s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) < Double.longBitsToDouble(s[sp]) ? 1 : 0;
                                break;
                            case 0x64:
                                sp--;
                                s[sp - 1] = Double.longBitsToDouble(s[sp - 1]) > Double.longBitsToDouble(s[sp]) ? 1 : 0;
                                break;
                            case 0xB7:
                                s[sp - 1] = Double.doubleToRawLongBits((int) s[sp - 1]);
                                break;

                            // ---- superinstructions ----
                            case Op.I32_ADD_LC:
                                s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                                pc += 2;
                                break;
                            case Op.I32_ADD_LL:
                                s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
                                pc += 2;
                                break;
                            case Op.BR_CMP_LC:
                                pc = branch(Op.compare(code[pc], (int) s[fp + code[pc + 1]], code[pc + 2]), code, pc + 3, inst);
                                break;
                            case Op.BR_CMP_LL:
                                pc = branch(Op.compare(code[pc], (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]]), code,
                                        pc + 3, inst);
                                break;
                            case Op.F64_ADD_L:
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        + Double.longBitsToDouble(s[fp + code[pc++]]));
                                break;
                            case Op.F64_SUB_L:
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        - Double.longBitsToDouble(s[fp + code[pc++]]));
                                break;
                            case Op.F64_MUL_L:
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        * Double.longBitsToDouble(s[fp + code[pc++]]));
                                break;
                            case Op.I32_MUL_C:
                                s[sp - 1] = (int) s[sp - 1] * code[pc++];
                                break;
                            case Op.I32_AND_C:
                                s[sp - 1] = (int) s[sp - 1] & code[pc++];
                                break;
                            case Op.I32_SHL_C:
                                s[sp - 1] = (int) s[sp - 1] << code[pc++];
                                break;
                            case Op.I32_SHR_U_C:
                                s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
                                break;
                            case Op.I32_ADD_L:
                                s[sp - 1] = (int) s[sp - 1] + (int) s[fp + code[pc++]];
                                break;
                            case Op.I32_SET_ADD_LL:
                                s[fp + code[pc]] = (int) s[fp + code[pc + 1]] + (int) s[fp + code[pc + 2]];
                                pc += 3;
                                break;
                            case Op.I32_LOAD8_U_L:
                                s[sp++] = mem[MemoryOps.index(memLength, s[fp + code[pc]], code[pc + 1], 1)] & 0xFF;
                                pc += 2;
                                break;
                            case Op.I32_MUL_LL:
                                s[sp++] = (int) s[fp + code[pc]] * (int) s[fp + code[pc + 1]];
                                pc += 2;
                                break;
                            case Op.LOCAL_COPY:
                                s[fp + code[pc + 1]] = s[fp + code[pc]];
                                pc += 2;
                                break;
                            case 0xB8:
                                s[sp - 1] = Double.doubleToRawLongBits(s[sp - 1] & 0xFFFF_FFFFL);
                                break;
                            case Op.I32_ADD_C:
                                s[sp - 1] = (int) s[sp - 1] + code[pc++];
                                break;
                            case Op.F64_ADD_LL:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]])
                                        + Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_SUB_LL:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]])
                                        - Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_MUL_LL:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]])
                                        * Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_ADD_MUL_LL:
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        + Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_SUB_MUL_LL:
                                s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1])
                                        - Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_ADD_PRODUCTS:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]])
                                        + Double.longBitsToDouble(s[fp + code[pc + 2]]) * Double.longBitsToDouble(s[fp + code[pc + 3]]));
                                pc += 4;
                                break;
                            case Op.F64_SUB_PRODUCTS:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]])
                                        - Double.longBitsToDouble(s[fp + code[pc + 2]]) * Double.longBitsToDouble(s[fp + code[pc + 3]]));
                                pc += 4;
                                break;
                            case Op.F64_SET_ADD_L:
                                s[fp + code[pc]] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[--sp])
                                        + Double.longBitsToDouble(s[fp + code[pc + 1]]));
                                pc += 2;
                                break;
                            case Op.F64_MUL_CL:
                                s[sp++] = Double.doubleToRawLongBits(Double.longBitsToDouble((long) code[pc + 1] << 32 | code[pc] & 0xFFFF_FFFFL)
                                        * Double.longBitsToDouble(s[fp + code[pc + 2]]));
                                pc += 3;
                                break;
                            case Op.BR_F64_GT_C:
                                pc = branch(Double.longBitsToDouble(s[--sp]) > Double.longBitsToDouble((long) code[pc + 1] << 32
                                        | code[pc] & 0xFFFF_FFFFL), code, pc + 2, inst);
                                break;
                            case Op.I32_SUB_LL:
                                s[sp++] = (int) s[fp + code[pc]] - (int) s[fp + code[pc + 1]];
                                pc += 2;
                                break;
                            case Op.I32_SET_ADD_LC:
                                s[fp + code[pc]] = (int) s[fp + code[pc + 1]] + code[pc + 2];
                                pc += 3;
                                break;
                            case Op.I32_LOAD_L:
                                s[sp++] = MemoryOps.i32(mem, memLength, s[fp + code[pc]], code[pc + 1]);
                                pc += 2;
                                break;
                            case Op.BR_EQZ:
                                pc = branch((int) s[--sp] == 0, code, pc, inst);
                                break;
                            case Op.BR_NEZ:
                                pc = branch((int) s[--sp] != 0, code, pc, inst);
                                break;
                            case Op.BR_EQ:
                                sp -= 2;
                                pc = branch((int) s[sp] == (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_NE:
                                sp -= 2;
                                pc = branch((int) s[sp] != (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_LT_S:
                                sp -= 2;
                                pc = branch((int) s[sp] < (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_LT_U:
                                sp -= 2;
                                pc = branch(Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) < 0, code, pc, inst);
                                break;
                            case Op.BR_GT_S:
                                sp -= 2;
                                pc = branch((int) s[sp] > (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_GT_U:
                                sp -= 2;
                                pc = branch(Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) > 0, code, pc, inst);
                                break;
                            case Op.BR_LE_S:
                                sp -= 2;
                                pc = branch((int) s[sp] <= (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_LE_U:
                                sp -= 2;
                                pc = branch(Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) <= 0, code, pc, inst);
                                break;
                            case Op.BR_GE_S:
                                sp -= 2;
                                pc = branch((int) s[sp] >= (int) s[sp + 1], code, pc, inst);
                                break;
                            case Op.BR_GE_U:
                                sp -= 2;
                                pc = branch(Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) >= 0, code, pc, inst);
                                break;
                            case 0xAD:
                                s[sp - 1] &= 0xFFFF_FFFFL;
                                break;

                            // ---- references, tables, bulk memory ----
                            case Op.REF_NULL:
                                r[sp++] = null;
                                break;
                            case Op.REF_IS_NULL:
                                s[sp - 1] = r[sp - 1] == null ? 1 : 0;
                                break;
                            case Op.REF_FUNC:
                                r[sp++] = funcs[code[pc++]];
                                break;
                            case Op.THROW: {
                                TagInstance tag = inst.tags[code[pc++]];
                                sp -= tag.slots;
                                throw uncaught(new ExceptionInstance(tag, Arrays.copyOfRange(s, sp, sp + tag.slots),
                                        Arrays.copyOfRange(r, sp, sp + tag.slots)));
                            }
                            case Op.THROW_REF: {
                                Object x = r[--sp];
                                if (x == null) {
                                    throw new TrapException(Trap.NULL_REFERENCE, "null exception reference");
                                }
                                throw uncaught((ExceptionInstance) x);
                            }
                            case Op.REF_AS_NON_NULL:
                                if (r[sp - 1] == null) {
                                    throw Traps.trap(Trap.NULL_REFERENCE);
                                }
                                break;
                            case Op.BR_IF_NOT_NULL:
                                if (r[sp - 1] != null) {
                                    pc = code[pc];
                                } else {
                                    sp--;
                                    pc++;
                                }
                                break;
                            case Op.BR_IF_NULL:
                                if (r[sp - 1] == null) {
                                    sp--;
                                    pc = code[pc];
                                } else {
                                    pc++;
                                }
                                break;
                            case Op.TABLE_GET:
                                r[sp - 1] = BulkOps.tableGet(inst.tables[code[pc++]], s[sp - 1]);
                                break;
                            case Op.TABLE_SET:
                                sp -= 2;
                                BulkOps.tableSet(inst.tables[code[pc++]], s[sp], r[sp + 1]);
                                break;
                            case Op.TABLE_SIZE:
                                s[sp++] = inst.tables[code[pc++]].size;
                                break;
                            case Op.TABLE_GROW: {
                                sp--;
                                TableInstance t = inst.tables[code[pc++]];
                                s[sp - 1] = t.growBy(s[sp], r[sp - 1]);
                                break;
                            }
                            case Op.TABLE_FILL:
                                sp -= 3;
                                BulkOps.tableFill(inst.tables[code[pc++]], s, r, sp);
                                break;
                            case Op.TABLE_INIT:
                                sp -= 3;
                                BulkOps.tableInit(inst, code[pc], code[pc + 1], s, sp);
                                pc += 2;
                                break;
                            case Op.TABLE_COPY:
                                sp -= 3;
                                BulkOps.tableCopy(inst, code[pc], code[pc + 1], s, sp);
                                pc += 2;
                                break;
                            case Op.ELEM_DROP:
                                inst.elements[code[pc++]] = BulkOps.NO_ELEMENTS;
                                break;
                            case Op.MEMORY_INIT:
                                sp -= 3;
                                BulkOps.memoryInit(inst, code[pc], inst.memories[code[pc + 1]], s, sp);
                                pc += 2;
                                break;
                            case Op.DATA_DROP:
                                inst.datas[code[pc++]] = BulkOps.NO_DATA;
                                break;
                            case Op.MEMORY_COPY:
                                sp -= 3;
                                BulkOps.memoryCopy(inst.memories[code[pc]], inst.memories[code[pc + 1]], s, sp);
                                pc += 2;
                                break;
                            case Op.MEMORY_FILL:
                                sp -= 3;
                                BulkOps.memoryFill(inst.memories[code[pc++]], s, sp);
                                break;

                            // ---- SIMD ----
                            case Op.V128_CONST:
                                s[sp] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
                                s[sp + 1] = (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32);
                                sp += 2;
                                pc += 4;
                                break;
                            case Op.SIMD:
                                sp = Simd.execute(code[pc++], s, sp, 0, 0);
                                break;
                            case Op.SIMD_IMM:
                                sp = Simd.execute(code[pc], s, sp,
                                        (code[pc + 1] & 0xFFFF_FFFFL) | ((long) code[pc + 2] << 32),
                                        (code[pc + 3] & 0xFFFF_FFFFL) | ((long) code[pc + 4] << 32));
                                pc += 5;
                                break;
                            case Op.SIMD_MEM: {
                                sp = SimdMemoryOps.exec(code[pc], inst.memories[code[pc + 3]], s, sp, code[pc + 1], code[pc + 2]);
                                pc += 4;
                                break;
                            }

                            default:
                                sp = Conversions.numeric(op, s, sp);
                                break;
                        }
                    }
                }
            } catch (TrapException e) {
                pc = unwind(e, fn, inst, fp, pc, entryDepth);
                fn = entryFn;
                inst = entryInst;
                fp = entryFp;
                sp = this.sp;
            } catch (StackOverflowError e) {
                throw withTrace(Traps.callStackExhausted(), fn, entryDepth);
            }
        }
    }

    /**
     * Handles a trap that left the dispatch loop: a WebAssembly exception goes to the innermost handler of
     * this loop's frames that catches it (frames without one are popped); anything else, or an exception no
     * frame catches, is rethrown with this loop's frames added to its trace. When handled, the new registers
     * are left in {@link #entryFn}, {@link #entryInst}, {@link #entryFp} and {@link #sp}.
     *
     * @return the handler's landing pad
     */
    private int unwind(TrapException e, LoweredFunction fn, ModuleInstance inst, int fp, int pc, int entryDepth) {
        ExceptionInstance x = thrown(e);
        if (x == null) {
            throw withTrace(e, fn, entryDepth);
        }
        int h;
        while ((h = handler(fn, inst, pc - 1, x)) < 0) {
            if (depth == entryDepth) {
                throw withTrace(e, fn, entryDepth);
            }
            int d = depth;
            pc = framePc[d];
            fp = frameFp[d];
            fn = frameFn[d];
            inst = frameInst[d];
            depth = d - 1;
        }
        int[] handlers = fn.handlers;
        int dst = fp + handlers[h + 4];
        int n = x.slots.length;
        System.arraycopy(x.slots, 0, stack, dst, n);
        System.arraycopy(x.refs, 0, refs, dst, n);
        if (handlers[h + 3] != 0) {
            refs[dst + n++] = x;
        }
        entryFn = fn;
        entryInst = inst;
        entryFp = fp;
        sp = dst + n;
        return handlers[h + 5];
    }

    /** The WebAssembly exception a trap carries, or null when it is a real trap. */
    private static ExceptionInstance thrown(TrapException e) {
        return e.trap() == Trap.UNCAUGHT_EXCEPTION && e.getCause() instanceof ExceptionInstance
                ? (ExceptionInstance) e.getCause() : null;
    }

    /** The handler of {@code fn} covering pc {@code at} that catches {@code x}, as an index into its table, or -1. */
    private static int handler(LoweredFunction fn, ModuleInstance inst, int at, ExceptionInstance x) {
        int[] h = fn.handlers;
        for (int i = 0; i < h.length; i += 6) {
            if (at >= h[i] && at < h[i + 1] && (h[i + 2] < 0 || inst.tags[h[i + 2]] == x.tag)) {
                return i;
            }
        }
        return -1;
    }

    /** An exception leaving a loop: a trap of kind UNCAUGHT_EXCEPTION whose cause is the exception. */
    private static TrapException uncaught(ExceptionInstance x) {
        return new TrapException(Trap.UNCAUGHT_EXCEPTION, Trap.UNCAUGHT_EXCEPTION.message(), x);
    }
}
