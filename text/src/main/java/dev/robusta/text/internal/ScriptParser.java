package dev.robusta.text.internal;

import dev.robusta.text.wast.Action;
import dev.robusta.text.wast.BinaryModule;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Expected;
import dev.robusta.text.wast.LaneShape;
import dev.robusta.text.wast.ModuleSource;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.Value;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.ValType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses WAST scripts into directives. Modules in the text format are kept as text and parsed only when
 * the runner asks ({@link TextModule#parse()}).
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public final class ScriptParser {
    private static final int MAX_EITHER_DEPTH = 64;
    private static final Set<String> MODULE_FIELDS = Set.of("type", "rec", "import", "func", "table", "memory",
            "global", "tag", "export", "start", "elem", "data");

    private final byte[] src;
    private final String fileName;
    private final Ctx ctx;

    private ScriptParser(byte[] src, String fileName) {
        this.src = src;
        this.fileName = fileName;
        this.ctx = new Ctx(fileName, Features.ALL);
    }

    /**
     * Parses a script.
     *
     * @throws dev.robusta.wasm.CompileException MALFORMED when the script itself cannot be read
     */
    public static Script parse(byte[] src, String fileName) {
        return new ScriptParser(src, fileName).script();
    }

    private Script script() {
        SexpReader reader = new SexpReader(new Lexer(src, 0, src.length, fileName, 1, 1));
        List<Sexp> nodes = reader.readAll();
        if (reader.strayClose() != null) {
            throw reader.strayClose();
        }
        List<Directive> out = new ArrayList<>();
        if (!nodes.isEmpty() && nodes.get(0).isList() && MODULE_FIELDS.contains(nodes.get(0).head())) {
            Sexp first = nodes.get(0);
            Sexp last = nodes.get(nodes.size() - 1);
            TextModule m = new TextModule(text(first.start(), last.end()), fileName, first.token.line,
                    first.token.col);
            out.add(new Directive.DefineModule(first.token.line, null, m, true));
            return new Script(fileName, out);
        }
        for (Sexp n : nodes) {
            out.add(directive(n));
        }
        return new Script(fileName, out);
    }

    private String text(int start, int end) {
        return new String(src, start, end - start, StandardCharsets.UTF_8);
    }

    private Directive directive(Sexp n) {
        String h = n.isList() ? n.head() : null;
        if (h == null) {
            throw ctx.unexpected(n.isAtom() ? n.token : n.items.isEmpty() ? n.close : n.items.get(0).token);
        }
        int line = n.token.line;
        Cursor c = new Cursor(n, 1);
        switch (h) {
            case "module":
                return moduleDirective(n);
            case "register": {
                String name = ctx.name(c);
                String id = id(c);
                ctx.expectEnd(c);
                return new Directive.Register(line, name, id);
            }
            case "invoke":
            case "get":
                return new Directive.Perform(line, action(n));
            case "assert_return": {
                Action a = action(next(c));
                List<Expected> results = new ArrayList<>();
                while (!c.atEnd()) {
                    results.add(expected(c.next(), 0));
                }
                return new Directive.AssertReturn(line, a, results);
            }
            case "assert_trap": {
                Sexp target = next(c);
                String msg = message(c);
                if (target.isList("module")) {
                    return new Directive.AssertUninstantiable(line, moduleSource(target), msg);
                }
                return new Directive.AssertTrap(line, action(target), msg);
            }
            case "assert_exhaustion": {
                Action a = action(next(c));
                return new Directive.AssertExhaustion(line, a, message(c));
            }
            case "assert_suspension": {
                Action a = action(next(c));
                return new Directive.AssertSuspension(line, a, message(c));
            }
            case "assert_exception": {
                Action a = action(next(c));
                ctx.expectEnd(c);
                return new Directive.AssertException(line, a);
            }
            case "assert_malformed":
            case "assert_invalid":
            case "assert_unlinkable":
            case "assert_uninstantiable":
            case "assert_malformed_custom":
            case "assert_invalid_custom": {
                Sexp m = next(c);
                if (!m.isList("module")) {
                    throw ctx.unexpected(m.token);
                }
                ModuleSource source = moduleSource(m);
                String msg = message(c);
                switch (h) {
                    case "assert_malformed": return new Directive.AssertMalformed(line, source, msg);
                    case "assert_invalid": return new Directive.AssertInvalid(line, source, msg);
                    case "assert_unlinkable": return new Directive.AssertUnlinkable(line, source, msg);
                    case "assert_uninstantiable": return new Directive.AssertUninstantiable(line, source, msg);
                    case "assert_malformed_custom": return new Directive.AssertMalformedCustom(line, source, msg);
                    default: return new Directive.AssertInvalidCustom(line, source, msg);
                }
            }
            default:
                throw ctx.unexpected(n.items.get(0).token);
        }
    }

    private Sexp next(Cursor c) {
        if (c.atEnd()) {
            throw ctx.unexpected(c);
        }
        return c.next();
    }

    private String message(Cursor c) {
        String msg = ctx.name(c);
        ctx.expectEnd(c);
        return msg;
    }

    private static String id(Cursor c) {
        Sexp id = Ctx.optId(c);
        return id == null ? null : id.token.text;
    }

    private Directive moduleDirective(Sexp n) {
        Cursor c = new Cursor(n, 1);
        int line = n.token.line;
        if (c.peekKeyword("instance")) {
            c.next();
            String instance = id(c);
            String module = id(c);
            ctx.expectEnd(c);
            return new Directive.InstantiateModule(line, instance, module);
        }
        boolean definition = false;
        if (c.peekKeyword("definition")) {
            c.next();
            definition = true;
        }
        String id = id(c);
        return new Directive.DefineModule(line, id, moduleSource(n), !definition);
    }

    /** The source of a {@code (module ...)} node: text, binary or quote. */
    private ModuleSource moduleSource(Sexp n) {
        Cursor c = new Cursor(n, 1);
        if (c.peekKeyword("definition")) {
            c.next();
        }
        Ctx.optId(c);
        if (c.peekKeyword("binary") || c.peekKeyword("quote")) {
            boolean binary = c.next().token.text.equals("binary");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!c.atEnd()) {
                byte[] b = ctx.string(c);
                bytes.write(b, 0, b.length);
            }
            return binary ? new BinaryModule(bytes.toByteArray())
                    : new QuoteModule(bytes.toByteArray(), fileName, n.token.line);
        }
        return new TextModule(text(n.start(), n.end()), fileName, n.token.line, n.token.col);
    }

    private Action action(Sexp n) {
        String h = n.isList() ? n.head() : null;
        Cursor c = n.isList() ? new Cursor(n, 1) : null;
        if ("invoke".equals(h)) {
            String module = id(c);
            String name = ctx.name(c);
            List<Value> args = new ArrayList<>();
            while (!c.atEnd()) {
                args.add(value(c.next()));
            }
            return new Action.Invoke(module, name, args);
        }
        if ("get".equals(h)) {
            String module = id(c);
            String name = ctx.name(c);
            ctx.expectEnd(c);
            return new Action.Get(module, name);
        }
        throw ctx.unexpected(n.isAtom() ? n.token : n.items.isEmpty() ? n.close : n.items.get(0).token);
    }

    /** A constant argument. */
    private Value value(Sexp n) {
        String h = n.isList() ? n.head() : null;
        if (h == null) {
            throw ctx.unexpected(n.isAtom() ? n.token : n.items.isEmpty() ? n.close : n.items.get(0).token);
        }
        Cursor c = new Cursor(n, 1);
        Value v;
        switch (h) {
            case "i32.const": v = new Value.I32((int) Literals.integer(ctx, c, 32)); break;
            case "i64.const": v = new Value.I64(Literals.integer(ctx, c, 64)); break;
            case "f32.const": v = new Value.F32(Literals.f32(ctx, c)); break;
            case "f64.const": v = new Value.F64(Literals.f64(ctx, c)); break;
            case "v128.const": v = v128(Literals.v128(ctx, c)); break;
            case "ref.null": v = new Value.RefNull(abstractHeapType(c)); break;
            case "ref.extern": v = new Value.RefExtern(ctx.nat(next(c), 64)); break;
            case "ref.host": v = new Value.RefHost(ctx.nat(next(c), 64)); break;
            default: throw ctx.unexpected(n.items.get(0).token);
        }
        ctx.expectEnd(c);
        return v;
    }

    private int abstractHeapType(Cursor c) {
        Sexp s = next(c);
        if (!s.isAtom() || s.token.kind != Token.Kind.KEYWORD) {
            throw ctx.unexpected(s.token);
        }
        return ctx.heapType(s);
    }

    private static Value.V128 v128(byte[] b) {
        long lo = 0, hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = (lo << 8) | (b[i] & 0xFF);
            hi = (hi << 8) | (b[i + 8] & 0xFF);
        }
        return new Value.V128(lo, hi);
    }

    /** An expected result. */
    private Expected expected(Sexp n, int depth) {
        String h = n.isList() ? n.head() : null;
        if (h == null) {
            throw ctx.unexpected(n.isAtom() ? n.token : n.items.isEmpty() ? n.close : n.items.get(0).token);
        }
        Cursor c = new Cursor(n, 1);
        Expected e;
        switch (h) {
            case "either": {
                if (depth >= MAX_EITHER_DEPTH) {
                    throw ctx.error(n.token, "unexpected token: nesting too deep");
                }
                List<Expected> alts = new ArrayList<>();
                while (!c.atEnd()) {
                    alts.add(expected(c.next(), depth + 1));
                }
                if (alts.isEmpty()) {
                    throw ctx.unexpected(c);
                }
                return new Expected.Either(alts);
            }
            case "f32.const":
            case "f64.const": {
                ValType t = h.equals("f32.const") ? ValType.F32 : ValType.F64;
                Sexp x = next(c);
                e = floatPattern(x, t);
                break;
            }
            case "v128.const":
                e = v128Pattern(c);
                break;
            case "ref.null":
                e = c.atEnd() ? new Expected.RefPattern(Expected.RefCategory.NULL)
                        : new Value.RefNull(abstractHeapType(c));
                break;
            case "ref.extern":
                e = c.atEnd() ? new Expected.RefPattern(Expected.RefCategory.EXTERN)
                        : new Value.RefExtern(ctx.nat(next(c), 64));
                break;
            case "ref.func": e = new Expected.RefPattern(Expected.RefCategory.FUNC); break;
            case "ref.any": e = new Expected.RefPattern(Expected.RefCategory.ANY); break;
            case "ref.eq": e = new Expected.RefPattern(Expected.RefCategory.EQ); break;
            case "ref.i31": e = new Expected.RefPattern(Expected.RefCategory.I31); break;
            case "ref.struct": e = new Expected.RefPattern(Expected.RefCategory.STRUCT); break;
            case "ref.array": e = new Expected.RefPattern(Expected.RefCategory.ARRAY); break;
            case "ref.exn": e = new Expected.RefPattern(Expected.RefCategory.EXN); break;
            default:
                return value(n);
        }
        ctx.expectEnd(c);
        return e;
    }

    private Expected floatPattern(Sexp x, ValType t) {
        if (x.isKeyword("nan:canonical")) {
            return new Expected.NanCanonical(t);
        }
        if (x.isKeyword("nan:arithmetic")) {
            return new Expected.NanArithmetic(t);
        }
        if (!Literals.isNumberAtom(x)) {
            throw ctx.unexpected(x.token);
        }
        return t == ValType.F32 ? new Value.F32(Literals.f32(ctx, x.token))
                : new Value.F64(Literals.f64(ctx, x.token));
    }

    private Expected v128Pattern(Cursor c) {
        int mark = c.pos;
        String shapeName = Literals.shape(ctx, c);
        LaneShape shape = LaneShape.of(shapeName);
        if (!shape.isFloat()) {
            c.pos = mark;
            return v128(Literals.v128(ctx, c));
        }
        boolean patterns = false;
        for (int i = c.pos; i < c.limit; i++) {
            Sexp s = c.items.get(i);
            patterns |= s.isKeyword("nan:canonical") || s.isKeyword("nan:arithmetic");
        }
        if (!patterns) {
            c.pos = mark;
            return v128(Literals.v128(ctx, c));
        }
        ValType t = shape == LaneShape.F32X4 ? ValType.F32 : ValType.F64;
        List<Expected> lanes = new ArrayList<>();
        Token at = c.here();
        while (!c.atEnd() && lanes.size() <= shape.laneCount()) {
            lanes.add(floatPattern(c.next(), t));
        }
        if (lanes.size() != shape.laneCount()) {
            throw ctx.error(at, "wrong number of lane literals");
        }
        return new Expected.V128Lanes(shape, lanes);
    }
}
