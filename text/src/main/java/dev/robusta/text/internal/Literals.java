package dev.robusta.text.internal;

import java.util.ArrayList;
import java.util.List;

/** Reading numeric literals and {@code v128} constants from the items of a list, with positioned errors. */
final class Literals {
    private Literals() {
    }

    /** Whether the item is a number-like atom: a number, or a float keyword ({@code inf}, {@code nan:0x1}). */
    static boolean isNumberAtom(Sexp s) {
        return s != null && s.isAtom() && (s.token.kind == Token.Kind.NUMBER
                || s.token.kind == Token.Kind.KEYWORD && Numbers.isFloat(s.token.text));
    }

    /** Up to {@code max} consecutive number-like atoms. */
    static List<Sexp> numberAtoms(Cursor c, int max) {
        List<Sexp> out = new ArrayList<>();
        while (out.size() < max && isNumberAtom(c.peek())) {
            out.add(c.next());
        }
        return out;
    }

    /** An integer literal for a {@code bits}-bit integer type. */
    static long integer(Ctx ctx, Cursor c, int bits) {
        Sexp s = c.peek();
        if (s == null || !s.isAtom() || s.token.kind != Token.Kind.NUMBER || !Numbers.isInt(s.token.text)) {
            throw ctx.unexpected(c);
        }
        c.next();
        return integer(ctx, s.token, bits);
    }

    static long integer(Ctx ctx, Token t, int bits) {
        if (t.kind != Token.Kind.NUMBER || !Numbers.isInt(t.text)) {
            throw ctx.unexpected(t);
        }
        try {
            return Numbers.intValue(t.text, bits);
        } catch (Numbers.OutOfRange e) {
            throw ctx.error(t, "constant out of range");
        }
    }

    static int f32(Ctx ctx, Cursor c) {
        if (!isNumberAtom(c.peek())) {
            throw ctx.unexpected(c);
        }
        return f32(ctx, c.next().token);
    }

    static int f32(Ctx ctx, Token t) {
        try {
            return Numbers.f32Bits(t.text);
        } catch (Numbers.OutOfRange e) {
            throw ctx.error(t, "constant out of range");
        } catch (Numbers.NotANumber e) {
            throw ctx.unexpected(t);
        }
    }

    static long f64(Ctx ctx, Cursor c) {
        if (!isNumberAtom(c.peek())) {
            throw ctx.unexpected(c);
        }
        return f64(ctx, c.next().token);
    }

    static long f64(Ctx ctx, Token t) {
        try {
            return Numbers.f64Bits(t.text);
        } catch (Numbers.OutOfRange e) {
            throw ctx.error(t, "constant out of range");
        } catch (Numbers.NotANumber e) {
            throw ctx.unexpected(t);
        }
    }

    /** The lane shape keyword at the cursor: "i8x16", ..., "f64x2". */
    static String shape(Ctx ctx, Cursor c) {
        Sexp s = c.peek();
        if (s != null && s.isAtom() && s.token.kind == Token.Kind.KEYWORD) {
            switch (s.token.text) {
                case "i8x16": case "i16x8": case "i32x4": case "i64x2": case "f32x4": case "f64x2":
                    c.next();
                    return s.token.text;
                default:
                    break;
            }
        }
        throw ctx.unexpected(c);
    }

    static int laneCount(String shape) {
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }

    /** {@code shape lane*} of a {@code v128.const}: the 16 bytes, little-endian. */
    static byte[] v128(Ctx ctx, Cursor c) {
        Token at = c.here();
        String shape = shape(ctx, c);
        int n = laneCount(shape);
        List<Sexp> lanes = numberAtoms(c, n + 1);
        if (lanes.size() < n && c.peekAtom(Token.Kind.KEYWORD)) {
            throw ctx.unexpected(c); // such as nan:1, an unknown operator
        }
        if (lanes.size() != n) {
            throw ctx.error(lanes.isEmpty() ? at : lanes.get(0).token, "wrong number of lane literals");
        }
        byte[] b = new byte[16];
        int width = 16 / n;
        for (int i = 0; i < n; i++) {
            Token t = lanes.get(i).token;
            long v;
            switch (shape) {
                case "f32x4": v = f32(ctx, t); break;
                case "f64x2": v = f64(ctx, t); break;
                default: v = integer(ctx, t, width * 8);
            }
            for (int k = 0; k < width; k++) {
                b[i * width + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }
}
