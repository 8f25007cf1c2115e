package dev.robusta.text.internal;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses instruction sequences (flat and folded, freely mixed) into binary code, resolving labels, locals
 * and the other indices. It works with an explicit stack instead of recursion, so nesting depth is limited
 * only by memory.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/instructions.html">Instructions</a>
 */
final class InstrParser {
    private final Ctx ctx;
    private final CodeWriter out;
    private final IdSpace locals;
    private final List<Label> labels = new ArrayList<>();
    private final ArrayDeque<Object> work = new ArrayDeque<>();

    /** A block in scope: its identifier (or null) and the instruction that opened it. */
    private static final class Label {
        final String id;
        final Opcode op;
        boolean inElse;

        Label(Sexp id, Opcode op) {
            this.id = id == null ? null : id.token.text;
            this.op = op;
        }
    }

    /** A sequence of instructions to parse; blocks opened in it must end in it. */
    private static final class Seq extends Cursor {
        final int baseDepth;
        final boolean foldedOnly;

        Seq(Sexp list, List<Sexp> items, int pos, int limit, int baseDepth, boolean foldedOnly) {
            super(list, items, pos, limit);
            this.baseDepth = baseDepth;
            this.foldedOnly = foldedOnly;
        }
    }

    /**
     * @param locals       the function's locals, or null in a constant expression
     * @param functionBody whether the code is a function body (whose implicit block is label 0)
     */
    InstrParser(Ctx ctx, CodeWriter out, IdSpace locals, boolean functionBody) {
        this.ctx = ctx;
        this.out = out;
        this.locals = locals;
        if (functionBody) {
            labels.add(new Label(null, null));
        }
    }

    /** Parses the instructions {@code items[from..limit)} of {@code parent}; does not write the final end. */
    void parse(Sexp parent, List<Sexp> items, int from, int limit) {
        work.push(new Seq(parent, items, from, limit, labels.size(), false));
        while (!work.isEmpty()) {
            Object top = work.peek();
            if (top instanceof Runnable) {
                work.pop();
                ((Runnable) top).run();
                continue;
            }
            Seq s = (Seq) top;
            if (s.atEnd()) {
                if (labels.size() > s.baseDepth) {
                    throw ctx.unexpected(s.here());
                }
                work.pop();
                continue;
            }
            Sexp item = s.next();
            if (item.isList()) {
                folded(item);
            } else if (s.foldedOnly) {
                throw ctx.unexpected(item.token);
            } else {
                flat(item, s);
            }
        }
    }

    // ------------------------------------------------------------------ structure

    private void flat(Sexp item, Seq s) {
        Token t = item.token;
        if (t.kind != Token.Kind.KEYWORD) {
            throw ctx.unexpected(t);
        }
        switch (t.text) {
            case "block":
            case "loop":
            case "if":
            case "try": {
                Opcode op = Opcode.forMnemonic(t.text);
                Sexp label = Ctx.optId(s);
                out.op(op);
                blockType(s, out);
                labels.add(new Label(label, op));
                return;
            }
            case "try_table": {
                Sexp label = Ctx.optId(s);
                out.op(Opcode.TRY_TABLE);
                blockType(s, out);
                catches(s, out);
                labels.add(new Label(label, Opcode.TRY_TABLE));
                return;
            }
            case "else": {
                Label top = open(s, t);
                if (top.op != Opcode.IF || top.inElse) {
                    throw ctx.unexpected(t);
                }
                checkLabel(Ctx.optId(s), top);
                top.inElse = true;
                if (!s.peekKeyword("end")) { // an empty else is left out, as wat2wasm does
                    out.op(Opcode.ELSE);
                }
                return;
            }
            case "end": {
                Label top = open(s, t);
                labels.remove(labels.size() - 1);
                checkLabel(Ctx.optId(s), top);
                out.op(Opcode.END);
                return;
            }
            case "catch": {
                Label top = open(s, t);
                if (top.op != Opcode.TRY || top.inElse) {
                    throw ctx.unexpected(t);
                }
                out.op(Opcode.CATCH).u32(index(s, ctx.tags));
                return;
            }
            case "catch_all": {
                Label top = open(s, t);
                if (top.op != Opcode.TRY || top.inElse) {
                    throw ctx.unexpected(t);
                }
                top.inElse = true;
                out.op(Opcode.CATCH_ALL);
                return;
            }
            case "delegate": {
                Label top = open(s, t);
                if (top.op != Opcode.TRY) {
                    throw ctx.unexpected(t);
                }
                labels.remove(labels.size() - 1);
                out.op(Opcode.DELEGATE).u32(label(s));
                return;
            }
            default:
                instr(t, s, out);
        }
    }

    /** The innermost block, which must have been opened in sequence {@code s}. */
    private Label open(Seq s, Token t) {
        if (labels.size() <= s.baseDepth) {
            throw ctx.unexpected(t);
        }
        return labels.get(labels.size() - 1);
    }

    private void checkLabel(Sexp id, Label label) {
        if (id != null && (label.id == null || !label.id.equals(id.token.text))) {
            throw ctx.error(id.token, "mismatching label $" + id.token.text);
        }
    }

    private Runnable endBlock() {
        return () -> {
            labels.remove(labels.size() - 1);
            out.op(Opcode.END);
        };
    }

    private void folded(Sexp item) {
        String h = item.head();
        if (h == null) {
            throw ctx.unexpected(item.items.isEmpty() ? item.close : item.items.get(0).token);
        }
        Cursor c = new Cursor(item, 1);
        int size = item.items.size();
        switch (h) {
            case "block":
            case "loop": {
                Opcode op = Opcode.forMnemonic(h);
                Sexp label = Ctx.optId(c);
                out.op(op);
                blockType(c, out);
                labels.add(new Label(label, op));
                work.push(endBlock());
                work.push(new Seq(item, item.items, c.pos, size, labels.size(), false));
                return;
            }
            case "try_table": {
                Sexp label = Ctx.optId(c);
                out.op(Opcode.TRY_TABLE);
                blockType(c, out);
                catches(c, out);
                labels.add(new Label(label, Opcode.TRY_TABLE));
                work.push(endBlock());
                work.push(new Seq(item, item.items, c.pos, size, labels.size(), false));
                return;
            }
            case "if":
                foldedIf(item, c);
                return;
            case "try":
                foldedTry(item, c);
                return;
            default: {
                CodeWriter tmp = new CodeWriter();
                instr(item.items.get(0).token, c, tmp);
                byte[] code = tmp.toByteArray();
                work.push((Runnable) () -> out.bytes(code));
                work.push(new Seq(item, item.items, c.pos, size, labels.size(), true));
            }
        }
    }

    private void foldedIf(Sexp item, Cursor c) {
        Sexp label = Ctx.optId(c);
        CodeWriter bt = new CodeWriter();
        blockType(c, bt);
        byte[] btBytes = bt.toByteArray();
        int condStart = c.pos;
        while (!c.atEnd() && !c.peekList("then")) {
            if (!c.peek().isList()) {
                throw ctx.unexpected(c.peek().token);
            }
            c.next();
        }
        int condEnd = c.pos;
        if (!c.peekList("then")) {
            throw ctx.unexpected(c);
        }
        Sexp then = c.next();
        Sexp els = c.peekList("else") ? c.next() : null;
        ctx.expectEnd(c);
        int depth = labels.size() + 1;
        work.push(endBlock());
        if (els != null && els.items.size() > 1) { // an empty else is left out, as wat2wasm does
            work.push(new Seq(els, els.items, 1, els.items.size(), depth, false));
            work.push((Runnable) () -> {
                labels.get(labels.size() - 1).inElse = true;
                out.op(Opcode.ELSE);
            });
        }
        work.push(new Seq(then, then.items, 1, then.items.size(), depth, false));
        work.push((Runnable) () -> {
            out.op(Opcode.IF);
            out.bytes(btBytes);
            labels.add(new Label(label, Opcode.IF));
        });
        work.push(new Seq(item, item.items, condStart, condEnd, labels.size(), true));
    }

    /** Legacy exception handling: {@code (try $l? bt (do ...) (catch $e ...)* (catch_all ...)?)} or with delegate. */
    private void foldedTry(Sexp item, Cursor c) {
        Sexp label = Ctx.optId(c);
        out.op(Opcode.TRY);
        blockType(c, out);
        if (!c.peekList("do")) {
            throw ctx.unexpected(c);
        }
        Sexp body = c.next();
        List<Sexp> handlers = new ArrayList<>();
        List<Integer> handlerTags = new ArrayList<>();
        Sexp delegate = null;
        boolean catchAll = false;
        while (!c.atEnd()) {
            if (c.peekList("catch") && !catchAll) {
                Sexp h = c.next();
                Cursor hc = new Cursor(h, 1);
                handlerTags.add(index(hc, ctx.tags));
                handlers.add(h);
            } else if (c.peekList("catch_all") && !catchAll) {
                catchAll = true;
                handlers.add(c.next());
                handlerTags.add(-1);
            } else if (c.peekList("delegate") && handlers.isEmpty() && delegate == null) {
                delegate = c.next();
            } else {
                throw ctx.unexpected(c);
            }
        }
        labels.add(new Label(label, Opcode.TRY));
        int depth = labels.size();
        if (delegate != null) {
            Sexp d = delegate;
            work.push((Runnable) () -> {
                labels.remove(labels.size() - 1);
                Cursor dc = new Cursor(d, 1);
                int l = label(dc);
                ctx.expectEnd(dc);
                out.op(Opcode.DELEGATE).u32(l);
            });
        } else {
            work.push(endBlock());
        }
        for (int i = handlers.size() - 1; i >= 0; i--) {
            Sexp h = handlers.get(i);
            int tag = handlerTags.get(i);
            work.push(new Seq(h, h.items, tag >= 0 ? 2 : 1, h.items.size(), depth, false));
            work.push((Runnable) () -> {
                if (tag >= 0) {
                    out.op(Opcode.CATCH).u32(tag);
                } else {
                    out.op(Opcode.CATCH_ALL);
                }
            });
        }
        work.push(new Seq(body, body.items, 1, body.items.size(), depth, false));
    }

    /** A block type: {@code (type x)} with optional signature, or an inline signature. */
    private void blockType(Cursor c, CodeWriter w) {
        if (c.peekList("type")) {
            int idx = ctx.typeUse(c, false).typeIdx;
            FuncType ft = ctx.funcTypeAt(idx);
            // As wat2wasm does: a type with no parameters and at most one result is written inline.
            if (ft != null && ft.params().isEmpty() && ft.results().isEmpty()) {
                w.blockTypeEmpty();
            } else if (ft != null && ft.params().isEmpty() && ft.results().size() == 1) {
                w.blockType(ft.results().get(0));
            } else {
                w.blockTypeIndex(idx);
            }
            return;
        }
        Ctx.Signature sig = ctx.signature(c, false);
        if (sig.params.isEmpty() && sig.results.isEmpty()) {
            w.blockTypeEmpty();
        } else if (sig.params.isEmpty() && sig.results.size() == 1) {
            w.blockType(sig.results.get(0));
        } else {
            w.blockTypeIndex(ctx.funcTypeIndex(sig.funcType()));
        }
    }

    /** The catch clauses of {@code try_table}, resolved outside its own label. */
    private void catches(Cursor c, CodeWriter w) {
        List<Sexp> list = new ArrayList<>();
        while (c.peekList("catch") || c.peekList("catch_ref") || c.peekList("catch_all")
                || c.peekList("catch_all_ref")) {
            list.add(c.next());
        }
        w.u32(list.size());
        for (Sexp k : list) {
            Cursor kc = new Cursor(k, 1);
            switch (k.head()) {
                case "catch":
                    w.u8(0).u32(index(kc, ctx.tags)).u32(label(kc));
                    break;
                case "catch_ref":
                    w.u8(1).u32(index(kc, ctx.tags)).u32(label(kc));
                    break;
                case "catch_all":
                    w.u8(2).u32(label(kc));
                    break;
                default:
                    w.u8(3).u32(label(kc));
                    break;
            }
            ctx.expectEnd(kc);
        }
    }

    // ------------------------------------------------------------------ plain instructions

    private int index(Cursor c, IdSpace space) {
        if (!c.peekIndex()) {
            throw ctx.unexpected(c);
        }
        return space.resolve(ctx, c.next());
    }

    private int optIndex(Cursor c, IdSpace space) {
        return c.peekIndex() ? space.resolve(ctx, c.next()) : 0;
    }

    private int label(Cursor c) {
        if (!c.peekIndex()) {
            throw ctx.unexpected(c);
        }
        Sexp s = c.next();
        if (s.token.kind == Token.Kind.ID) {
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (s.token.text.equals(labels.get(i).id)) {
                    return labels.size() - 1 - i;
                }
            }
            throw ctx.error(s.token, "unknown label $" + s.token.text);
        }
        return ctx.u32(s);
    }

    private int local(Cursor c) {
        if (locals == null) {
            if (c.peekAtom(Token.Kind.ID)) {
                throw ctx.error(c.here(), "unknown local $" + c.peek().token.text);
            }
            if (!c.peekIndex()) {
                throw ctx.unexpected(c);
            }
            return ctx.u32(c.next());
        }
        return index(c, locals);
    }

    private int field(Cursor c, int typeIdx) {
        if (c.peekAtom(Token.Kind.ID)) {
            IdSpace f = ctx.fields.get(typeIdx);
            Sexp s = c.next();
            if (f == null) {
                throw ctx.error(s.token, "unknown field $" + s.token.text);
            }
            return f.resolve(ctx, s);
        }
        if (!c.peekIndex()) {
            throw ctx.unexpected(c);
        }
        return ctx.u32(c.next());
    }

    /** Writes the plain instruction named by {@code t} and its immediates read from {@code c}. */
    private void instr(Token t, Cursor c, CodeWriter w) {
        if (t.kind != Token.Kind.KEYWORD) {
            throw ctx.unexpected(t);
        }
        Opcode op = Opcode.forMnemonic(t.text);
        if (op == null) {
            throw ctx.unexpected(t);
        }
        switch (op) {
            case BLOCK: case LOOP: case IF: case ELSE: case END: case TRY: case TRY_TABLE: case CATCH:
            case CATCH_ALL: case DELEGATE:
                throw ctx.unexpected(t);
            case SELECT:
                List<ValType> types = new ArrayList<>();
                boolean typed = c.peekList("result");
                while (c.peekList("result")) {
                    Cursor r = new Cursor(c.next(), 1);
                    while (!r.atEnd()) {
                        types.add(ctx.valType(r));
                    }
                }
                // select (result) with no type stays typed (select t* with t* empty), which is invalid ("invalid
                // result arity"), as in the spec; wat2wasm writes a plain select for it, but only for text that
                // does not validate anyway.
                if (typed) {
                    w.op(Opcode.SELECT_T).u32(types.size());
                    for (ValType vt : types) {
                        w.valType(vt);
                    }
                } else {
                    w.op(Opcode.SELECT);
                }
                return;
            case REF_TEST:
            case REF_CAST: {
                ValType rt = ctx.refType(c);
                Opcode real = op == Opcode.REF_TEST
                        ? (rt.isNullable() ? Opcode.REF_TEST_NULL : Opcode.REF_TEST)
                        : (rt.isNullable() ? Opcode.REF_CAST_NULL : Opcode.REF_CAST);
                w.op(real).heapType(rt.heapType());
                return;
            }
            default:
                break;
        }
        w.op(op);
        if (op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP || op == Opcode.ARRAY_NEW_DATA
                || op == Opcode.ARRAY_INIT_DATA) {
            ctx.usesDataCount = true;
        }
        switch (op.immKind()) {
            case NONE:
                break;
            case LABEL:
                w.u32(label(c));
                break;
            case BR_TABLE: {
                List<Integer> ls = new ArrayList<>();
                while (c.peekIndex()) {
                    ls.add(label(c));
                }
                if (ls.isEmpty()) {
                    throw ctx.unexpected(c);
                }
                w.u32(ls.size() - 1);
                for (int l : ls) {
                    w.u32(l);
                }
                break;
            }
            case BR_ON_CAST: {
                int l = label(c);
                ValType t1 = ctx.refType(c);
                ValType t2 = ctx.refType(c);
                w.u8((t1.isNullable() ? 1 : 0) | (t2.isNullable() ? 2 : 0)).u32(l).heapType(t1.heapType())
                        .heapType(t2.heapType());
                break;
            }
            case FUNC_IDX:
                w.u32(index(c, ctx.funcs));
                break;
            case CALL_INDIRECT: {
                int table = optIndex(c, ctx.tables);
                int type = ctx.typeUse(c, false).typeIdx;
                w.u32(type).u32(table);
                break;
            }
            case TYPE_IDX:
                w.u32(index(c, ctx.types));
                break;
            case TYPE_FIELD: {
                int type = index(c, ctx.types);
                w.u32(type).u32(field(c, type));
                break;
            }
            case TYPE_U32: {
                int type = index(c, ctx.types);
                if (!c.peekAtom(Token.Kind.NUMBER)) {
                    throw ctx.unexpected(c);
                }
                w.u32(type).u32(ctx.u32(c.next()));
                break;
            }
            case TYPE_DATA:
                w.u32(index(c, ctx.types)).u32(index(c, ctx.datas));
                break;
            case TYPE_ELEM:
                w.u32(index(c, ctx.types)).u32(index(c, ctx.elems));
                break;
            case TYPE_TYPE:
                w.u32(index(c, ctx.types)).u32(index(c, ctx.types));
                break;
            case LOCAL_IDX:
                w.u32(local(c));
                break;
            case GLOBAL_IDX:
                w.u32(index(c, ctx.globals));
                break;
            case TABLE_IDX:
                w.u32(optIndex(c, ctx.tables));
                break;
            case MEM_IDX:
                w.u32(optIndex(c, ctx.memories));
                break;
            case ELEM_IDX:
                w.u32(index(c, ctx.elems));
                break;
            case DATA_IDX:
                w.u32(index(c, ctx.datas));
                break;
            case TAG_IDX:
                w.u32(index(c, ctx.tags));
                break;
            case TABLE_TABLE: {
                if (c.peekIndex()) {
                    int dst = index(c, ctx.tables);
                    w.u32(dst).u32(index(c, ctx.tables));
                } else {
                    w.u32(0).u32(0);
                }
                break;
            }
            case MEM_MEM: {
                if (c.peekIndex()) {
                    int dst = index(c, ctx.memories);
                    w.u32(dst).u32(index(c, ctx.memories));
                } else {
                    w.u32(0).u32(0);
                }
                break;
            }
            case TABLE_ELEM: {
                int table = 0;
                if (c.peekIndex() && isIndex(c.peek2())) {
                    table = index(c, ctx.tables);
                }
                w.u32(index(c, ctx.elems)).u32(table);
                break;
            }
            case MEM_DATA: {
                int mem = 0;
                if (c.peekIndex() && isIndex(c.peek2())) {
                    mem = index(c, ctx.memories);
                }
                w.u32(index(c, ctx.datas)).u32(mem);
                break;
            }
            case HEAP_TYPE:
                w.heapType(ctx.heapType(c));
                break;
            case MEMARG:
                memarg(op, c, w, false);
                break;
            case MEMARG_LANE:
                memarg(op, c, w, true);
                w.u8(laneIndex(c));
                break;
            case I32:
                w.s32((int) intLiteral(c, 32));
                break;
            case I64:
                w.s64(intLiteral(c, 64));
                break;
            case F32:
                w.fixed32(floatLiteral32(c));
                break;
            case F64:
                w.fixed64(floatLiteral64(c));
                break;
            case V128:
                w.bytes(Literals.v128(ctx, c));
                break;
            case LANE:
                w.u8(laneIndex(c));
                break;
            case SHUFFLE:
                w.bytes(shuffle(c));
                break;
            case ZERO_BYTE:
                w.u8(0);
                break;
            default:
                throw ctx.unexpected(t);
        }
    }

    private static boolean isIndex(Sexp s) {
        return s != null && s.isAtom() && (s.token.kind == Token.Kind.NUMBER || s.token.kind == Token.Kind.ID);
    }

    private long intLiteral(Cursor c, int bits) {
        return Literals.integer(ctx, c, bits);
    }

    private int floatLiteral32(Cursor c) {
        return Literals.f32(ctx, c);
    }

    private long floatLiteral64(Cursor c) {
        return Literals.f64(ctx, c);
    }

    private void memarg(Opcode op, Cursor c, CodeWriter w, boolean lane) {
        int mem = 0;
        if (c.peekAtom(Token.Kind.ID)) {
            mem = ctx.memories.resolve(ctx, c.next());
        } else if (c.peekAtom(Token.Kind.NUMBER)) {
            Sexp after = c.peek2();
            boolean memFirst = !lane || after != null && after.isAtom()
                    && (after.token.kind == Token.Kind.NUMBER || after.token.kind == Token.Kind.KEYWORD
                    && (after.token.text.startsWith("offset=") || after.token.text.startsWith("align=")));
            if (memFirst) {
                mem = ctx.memories.resolve(ctx, c.next());
            }
        }
        long offset = 0;
        int align = naturalAlignment(op);
        Sexp s = c.peek();
        if (s != null && s.isAtom() && s.token.kind == Token.Kind.KEYWORD && s.token.text.startsWith("offset=")) {
            c.next();
            String v = s.token.text.substring(7);
            if (!Numbers.isNat(v)) {
                throw ctx.unexpected(s.token);
            }
            offset = ctx.natOf(s.token, v, ctx.features.memory64() ? 64 : 32);
            s = c.peek();
        }
        if (s != null && s.isAtom() && s.token.kind == Token.Kind.KEYWORD && s.token.text.startsWith("align=")) {
            c.next();
            String v = s.token.text.substring(6);
            if (!Numbers.isNat(v)) {
                throw ctx.unexpected(s.token);
            }
            long a;
            try {
                a = Numbers.natValue(v);
            } catch (Numbers.OutOfRange e) {
                throw ctx.error(s.token, "alignment must be a power of two");
            }
            if (a == 0 || (a & (a - 1)) != 0) {
                throw ctx.error(s.token, "alignment must be a power of two");
            }
            align = Long.numberOfTrailingZeros(a);
        }
        w.memarg(align, mem, offset);
    }

    /** The natural alignment (log2 of the access size in bytes) of a memory instruction. */
    static int naturalAlignment(Opcode op) {
        String m = op.mnemonic();
        int bits;
        if (m.equals("memory.atomic.notify") || m.equals("memory.atomic.wait32")) {
            bits = 32;
        } else if (m.equals("memory.atomic.wait64")) {
            bits = 64;
        } else {
            bits = m.startsWith("i32") || m.startsWith("f32") ? 32 : m.startsWith("v128") ? 128 : 64;
            int k = Math.max(m.indexOf("load"), Math.max(m.indexOf("store"), m.indexOf("rmw")));
            if (k >= 0) {
                int i = k + (m.startsWith("load", k) ? 4 : m.startsWith("store", k) ? 5 : 3);
                int j = i;
                while (j < m.length() && Character.isDigit(m.charAt(j))) {
                    j++;
                }
                if (j > i) {
                    bits = j < m.length() && m.charAt(j) == 'x' ? 64 : Integer.parseInt(m.substring(i, j));
                }
            }
        }
        return Integer.numberOfTrailingZeros(bits / 8);
    }

    private int laneIndex(Cursor c) {
        Sexp s = c.peek();
        if (s == null || !s.isAtom() || s.token.kind != Token.Kind.NUMBER || !Numbers.isNat(s.token.text)) {
            throw ctx.unexpected(c);
        }
        c.next();
        long v;
        try {
            v = Numbers.natValue(s.token.text);
        } catch (Numbers.OutOfRange e) {
            v = -1;
        }
        if (v < 0 || v > 255) {
            throw ctx.error(s.token, ctx.features.gc() ? "i8 constant out of range" : "malformed lane index");
        }
        return (int) v;
    }

    private byte[] shuffle(Cursor c) {
        List<Sexp> lanes = Literals.numberAtoms(c, 17);
        if (lanes.size() != 16) {
            throw ctx.error(lanes.isEmpty() ? c.here() : lanes.get(0).token, "invalid lane length");
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            Token t = lanes.get(i).token;
            long v = -1;
            if (Numbers.isNat(t.text)) {
                try {
                    v = Numbers.natValue(t.text);
                } catch (Numbers.OutOfRange e) {
                    v = -1;
                }
            }
            if (v < 0 || v > 255) {
                throw ctx.error(t, ctx.features.gc() ? "i8 constant out of range" : "malformed lane index");
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
