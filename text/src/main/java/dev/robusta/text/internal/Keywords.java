package dev.robusta.text.internal;

import dev.robusta.wasm.Opcode;

import java.util.HashSet;
import java.util.Set;

/**
 * The keywords of the text format. A keyword token that is none of them is an "unknown operator"; a known
 * one in the wrong place is an "unexpected token", as the reference interpreter reports them.
 */
final class Keywords {
    private Keywords() {
    }

    private static final Set<String> KNOWN = new HashSet<>();

    static {
        for (Opcode op : Opcode.values()) {
            KNOWN.add(op.mnemonic());
        }
        String[] syntax = {
            "module", "type", "func", "param", "result", "local", "global", "table", "memory", "elem", "data",
            "import", "export", "start", "offset", "item", "declare", "mut", "then", "else", "end", "do",
            "catch", "catch_ref", "catch_all", "catch_all_ref", "delegate", "rec", "sub", "final", "struct",
            "array", "field", "ref", "null", "tag", "shared", "unshared", "pagesize", "binary", "quote",
            "definition", "instance", "register", "invoke", "get", "either", "script", "input", "output",
            "assert_return", "assert_trap", "assert_exhaustion", "assert_exception", "assert_invalid",
            "assert_malformed", "assert_unlinkable", "assert_uninstantiable", "assert_suspension",
            "assert_malformed_custom", "assert_invalid_custom",
            "i8", "i16", "i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
            "funcref", "externref", "anyref", "eqref", "i31ref", "structref", "arrayref", "nullref",
            "nullfuncref", "nullexternref", "exnref", "nullexnref",
            "extern", "any", "eq", "i31", "none", "nofunc", "noextern", "exn", "noexn",
            "inf", "nan", "nan:canonical", "nan:arithmetic",
            "ref.extern", "ref.host", "ref.struct", "ref.array", "ref.eq", "ref.any", "ref.exn",
        };
        KNOWN.addAll(Set.of(syntax));
    }

    /** Whether {@code kw} is a keyword of the text format (including {@code offset=N} and friends). */
    static boolean isKnown(String kw) {
        if (KNOWN.contains(kw)) {
            return true;
        }
        if (kw.startsWith("offset=") || kw.startsWith("align=")) {
            return Numbers.isNat(kw.substring(kw.indexOf('=') + 1));
        }
        if (kw.startsWith("nan:0x")) {
            return Numbers.isHexNum(kw, 6);
        }
        return false;
    }
}
