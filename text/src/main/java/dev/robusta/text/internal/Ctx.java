package dev.robusta.text.internal;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What parsing one module needs everywhere: the module being built, the index spaces, the features,
 * errors with positions, and the parsing of types and type uses.
 */
final class Ctx {
    final String sourceName;
    final Features features;
    final WasmModule module = new WasmModule();

    final IdSpace types = new IdSpace("type");
    final IdSpace funcs = new IdSpace("func");
    final IdSpace tables = new IdSpace("table");
    final IdSpace memories = new IdSpace("memory");
    final IdSpace globals = new IdSpace("global");
    final IdSpace tags = new IdSpace("tag");
    final IdSpace elems = new IdSpace("elem");
    final IdSpace datas = new IdSpace("data");
    /** Field names of struct types, by type index. */
    final Map<Integer, IdSpace> fields = new HashMap<>();

    /** Whether code uses a data segment index (memory.init, data.drop, ...): the data count is then written. */
    boolean usesDataCount;

    /** The size of the recursion group of each type index. */
    private final List<Integer> recGroupSize = new ArrayList<>();
    /** Final, supertype-less function types alone in their group: the first index of each. */
    private final Map<FuncType, Integer> plainFuncTypes = new HashMap<>();

    Ctx(String sourceName, Features features) {
        this.sourceName = sourceName;
        this.features = features;
    }

    // ------------------------------------------------------------------ errors

    CompileException error(Token at, String message) {
        return Errors.at(sourceName, at.line, at.col, message);
    }

    /** "unexpected token" (or "unknown operator" for a keyword that does not exist) at {@code at}. */
    CompileException unexpected(Token at) {
        if (at == null) {
            return Errors.at(sourceName, 0, 0, "unexpected end");
        }
        if (at.kind == Token.Kind.KEYWORD && !Keywords.isKnown(at.text)) {
            return error(at, "unknown operator " + at.text);
        }
        return error(at, "unexpected token " + at.describe());
    }

    CompileException unexpected(Cursor c) {
        return unexpected(c.here());
    }

    /** Fails unless the cursor is at its end. */
    void expectEnd(Cursor c) {
        if (!c.atEnd()) {
            throw unexpected(c.peek().token);
        }
    }

    // ------------------------------------------------------------------ literals

    /** A u32 literal (an index or a count). */
    int u32(Sexp s) {
        if (!s.isAtom() || s.token.kind != Token.Kind.NUMBER || !Numbers.isNat(s.token.text)) {
            throw unexpected(s.token);
        }
        long v;
        try {
            v = Numbers.natValue(s.token.text);
        } catch (Numbers.OutOfRange e) {
            throw error(s.token, "i32 constant out of range");
        }
        if (Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
            throw error(s.token, "i32 constant out of range");
        }
        return (int) v;
    }

    /** A u64 literal, or a u32 one when {@code bits} is 32. */
    long nat(Sexp s, int bits) {
        if (s == null || !s.isAtom() || s.token.kind != Token.Kind.NUMBER || !Numbers.isNat(s.token.text)) {
            throw unexpected(s == null ? null : s.token);
        }
        return natOf(s.token, s.token.text, bits);
    }

    long natOf(Token at, String text, int bits) {
        long v;
        try {
            v = Numbers.natValue(text);
        } catch (Numbers.OutOfRange e) {
            throw error(at, "i" + bits + " constant out of range");
        }
        if (bits == 32 && Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
            throw error(at, "i32 constant out of range");
        }
        return v;
    }

    /** A string atom's bytes. */
    byte[] string(Cursor c) {
        if (!c.peekAtom(Token.Kind.STRING)) {
            throw unexpected(c);
        }
        return c.next().token.bytes;
    }

    /** A string atom that must be a well-formed UTF-8 name. */
    String name(Cursor c) {
        Token t = c.here();
        byte[] b = string(c);
        String s = Utf8.decode(b);
        if (s == null) {
            throw error(t, "malformed UTF-8 encoding");
        }
        return s;
    }

    /** An optional identifier atom at the cursor. */
    static Sexp optId(Cursor c) {
        return c.peekAtom(Token.Kind.ID) ? c.next() : null;
    }

    // ------------------------------------------------------------------ types

    /** Appends an explicitly defined recursion group. */
    void addRecType(RecType rec) {
        int first = module.types().size();
        module.addRecType(rec);
        for (int i = 0; i < rec.types().size(); i++) {
            recGroupSize.add(rec.types().size());
        }
        if (rec.types().size() == 1) {
            SubType st = rec.types().get(0);
            if (st.isFinal() && st.supertypes().isEmpty() && st.compositeType() instanceof FuncType) {
                plainFuncTypes.putIfAbsent((FuncType) st.compositeType(), first);
            }
        }
    }

    /**
     * The index of the first type that is exactly this function type (final, no supertypes, alone in its
     * recursion group); if there is none, a new type is appended.
     */
    int funcTypeIndex(FuncType ft) {
        Integer i = plainFuncTypes.get(ft);
        if (i != null) {
            return i;
        }
        int idx = module.types().size();
        addRecType(new RecType(List.of(SubType.of(ft))));
        return idx;
    }

    /** The function type at {@code idx}, or null when there is none (out of range, or not a function). */
    FuncType funcTypeAt(int idx) {
        if (idx < 0 || idx >= module.types().size()) {
            return null;
        }
        return module.types().get(idx).compositeType() instanceof FuncType
                ? (FuncType) module.types().get(idx).compositeType() : null;
    }

    /** Whether {@code kw} names a value type by itself. */
    static ValType valTypeKeyword(String kw) {
        switch (kw) {
            case "i32": return ValType.I32;
            case "i64": return ValType.I64;
            case "f32": return ValType.F32;
            case "f64": return ValType.F64;
            case "v128": return ValType.V128;
            case "funcref": return ValType.FUNCREF;
            case "externref": return ValType.EXTERNREF;
            case "anyref": return ValType.ANYREF;
            case "eqref": return ValType.EQREF;
            case "i31ref": return ValType.I31REF;
            case "structref": return ValType.STRUCTREF;
            case "arrayref": return ValType.ARRAYREF;
            case "nullref": return ValType.NULLREF;
            case "nullfuncref": return ValType.NULLFUNCREF;
            case "nullexternref": return ValType.NULLEXTERNREF;
            case "exnref": return ValType.EXNREF;
            case "nullexnref": return ValType.NULLEXNREF;
            default: return null;
        }
    }

    /** Whether the item is a reference type. */
    static boolean isRefType(Sexp s) {
        if (s == null) {
            return false;
        }
        if (s.isAtom()) {
            ValType t = s.token.kind == Token.Kind.KEYWORD ? valTypeKeyword(s.token.text) : null;
            return t != null && t.isReference();
        }
        return s.isList("ref");
    }

    ValType valType(Sexp s) {
        if (s == null) {
            throw new IllegalStateException();
        }
        if (s.isAtom()) {
            ValType t = s.token.kind == Token.Kind.KEYWORD ? valTypeKeyword(s.token.text) : null;
            if (t == null) {
                throw unexpected(s.token);
            }
            return t;
        }
        if (!s.isList("ref")) {
            throw unexpected(s.token);
        }
        Cursor c = new Cursor(s, 1);
        boolean nullable = false;
        if (c.peekKeyword("null")) {
            c.next();
            nullable = true;
        }
        if (c.atEnd()) {
            throw unexpected(c);
        }
        int ht = heapType(c.next());
        expectEnd(c);
        return ValType.ref(nullable, ht);
    }

    ValType valType(Cursor c) {
        if (c.atEnd()) {
            throw unexpected(c);
        }
        return valType(c.next());
    }

    /** A reference type at the cursor. */
    ValType refType(Cursor c) {
        if (!isRefType(c.peek())) {
            throw unexpected(c);
        }
        return valType(c.next());
    }

    /** A storage type: a value type or a packed type. */
    ValType storageType(Sexp s) {
        if (s.isKeyword("i8")) {
            return ValType.I8;
        }
        if (s.isKeyword("i16")) {
            return ValType.I16;
        }
        return valType(s);
    }

    int heapType(Sexp s) {
        if (s.isAtom() && s.token.kind == Token.Kind.KEYWORD) {
            switch (s.token.text) {
                case "func": return ValType.HT_FUNC;
                case "extern": return ValType.HT_EXTERN;
                case "any": return ValType.HT_ANY;
                case "eq": return ValType.HT_EQ;
                case "i31": return ValType.HT_I31;
                case "struct": return ValType.HT_STRUCT;
                case "array": return ValType.HT_ARRAY;
                case "none": return ValType.HT_NONE;
                case "nofunc": return ValType.HT_NOFUNC;
                case "noextern": return ValType.HT_NOEXTERN;
                case "exn": return ValType.HT_EXN;
                case "noexn": return ValType.HT_NOEXN;
                default: throw unexpected(s.token);
            }
        }
        if (s.isAtom() && (s.token.kind == Token.Kind.ID || s.token.kind == Token.Kind.NUMBER)) {
            return types.resolve(this, s);
        }
        throw unexpected(s.token);
    }

    /** The heap type at the cursor (the immediate of {@code ref.null}). */
    int heapType(Cursor c) {
        if (c.atEnd()) {
            throw unexpected(c);
        }
        return heapType(c.next());
    }

    // ------------------------------------------------------------------ type uses

    /** A parsed type use: the type index and, for functions, the names of the parameters. */
    static final class TypeUse {
        final int typeIdx;
        /** Parameter identifiers (ID atoms, null where unnamed), or empty when the type was given alone. */
        final List<Sexp> paramIds;
        final int paramCount;

        TypeUse(int typeIdx, List<Sexp> paramIds, int paramCount) {
            this.typeIdx = typeIdx;
            this.paramIds = paramIds;
            this.paramCount = paramCount;
        }
    }

    /** Parameters and results written inline. */
    static final class Signature {
        final List<ValType> params = new ArrayList<>();
        final List<Sexp> paramIds = new ArrayList<>();
        final List<ValType> results = new ArrayList<>();
        boolean written;

        FuncType funcType() {
            return FuncType.of(params, results);
        }
    }

    /** {@code (param ...)* (result ...)*} at the cursor. */
    Signature signature(Cursor c, boolean allowNames) {
        Signature sig = new Signature();
        while (c.peekList("param")) {
            sig.written = true;
            Cursor p = new Cursor(c.next(), 1);
            if (p.peekAtom(Token.Kind.ID)) {
                if (!allowNames) {
                    throw unexpected(p);
                }
                Sexp id = p.next();
                sig.params.add(valType(p));
                sig.paramIds.add(id);
                expectEnd(p);
            } else {
                while (!p.atEnd()) {
                    sig.params.add(valType(p));
                    sig.paramIds.add(null);
                }
            }
        }
        while (c.peekList("result")) {
            sig.written = true;
            Cursor r = new Cursor(c.next(), 1);
            while (!r.atEnd()) {
                sig.results.add(valType(r));
            }
        }
        if (c.peekList("param")) {
            throw unexpected(c.peek().items.get(0).token);
        }
        return sig;
    }

    /**
     * A type use: {@code (type x)? (param ...)* (result ...)*}. With {@code (type x)}, inline parameters and
     * results must repeat its signature ("inline function type"); without it, the signature's type is found
     * or appended.
     */
    TypeUse typeUse(Cursor c, boolean allowNames) {
        Integer explicit = null;
        Token typeTok = null;
        if (c.peekList("type")) {
            Sexp t = c.next();
            typeTok = t.token;
            Cursor tc = new Cursor(t, 1);
            if (!tc.peekIndex()) {
                throw unexpected(tc);
            }
            explicit = types.resolve(this, tc.next());
            expectEnd(tc);
        }
        Signature sig = signature(c, allowNames);
        if (explicit != null) {
            FuncType ft = funcTypeAt(explicit);
            if (sig.written) {
                if (explicit >= module.types().size()) {
                    throw error(typeTok, "unknown type " + explicit);
                }
                if (ft == null && explicit < module.types().size() || ft != null && !ft.equals(sig.funcType())) {
                    throw error(typeTok, "inline function type");
                }
                return new TypeUse(explicit, sig.paramIds, sig.params.size());
            }
            return new TypeUse(explicit, List.of(), ft == null ? 0 : ft.params().size());
        }
        return new TypeUse(funcTypeIndex(sig.funcType()), sig.paramIds, sig.params.size());
    }
}
