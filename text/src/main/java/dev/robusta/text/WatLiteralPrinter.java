package dev.robusta.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How {@link WatPrinter} spells literals: floats as exact hexadecimal (so that they parse back to the same
 * bits), NaNs with their payload, strings with {@code \xx} escapes, v128 constants as four i32 lanes.
 */
final class WatLiteralPrinter {
    private WatLiteralPrinter() {
    }

    /** An f32 given by its bits: {@code 0x1.8p+3}, {@code -inf}, {@code nan}, {@code nan:0x200000}. */
    static String f32(int bits) {
        String sign = bits < 0 ? "-" : "";
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) {
            return sign + nan(mant, 0x400000, mant == 0);
        }
        return sign + hexFloat(mant, exp, 23, 127);
    }

    /** An f64 given by its bits. */
    static String f64(long bits) {
        String sign = bits < 0 ? "-" : "";
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0x7FF) {
            return sign + nan(mant, 1L << 51, mant == 0);
        }
        return sign + hexFloat(mant, exp, 52, 1023);
    }

    private static String nan(long payload, long canonical, boolean infinite) {
        if (infinite) {
            return "inf";
        }
        return payload == canonical ? "nan" : "nan:0x" + Long.toHexString(payload);
    }

    /** A finite magnitude as {@code 0x1.hhhp+e}, subnormals normalised, zero as {@code 0x0p+0}. */
    private static String hexFloat(long mant, int biasedExp, int mantBits, int bias) {
        if (biasedExp == 0 && mant == 0) {
            return "0x0p+0";
        }
        int e;
        if (biasedExp == 0) {
            e = 1 - bias;
            while ((mant & (1L << mantBits)) == 0) {
                mant <<= 1;
                e--;
            }
            mant &= (1L << mantBits) - 1;
        } else {
            e = biasedExp - bias;
        }
        int digits = (mantBits + 3) / 4;
        long frac = mant << (digits * 4 - mantBits);
        StringBuilder sb = new StringBuilder("0x1");
        if (frac != 0) {
            String hex = Long.toHexString(frac);
            StringBuilder f = new StringBuilder();
            for (int i = hex.length(); i < digits; i++) {
                f.append('0');
            }
            f.append(hex);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(f, 0, end);
        }
        return sb.append('p').append(e >= 0 ? "+" : "").append(e).toString();
    }

    /** An f32's value as C's {@code %g} prints it (6 significant digits), for a comment. */
    static String f32Decimal(int bits) {
        return decimal(Float.intBitsToFloat(bits), bits < 0);
    }

    /** An f64's value as C's {@code %g} prints it, for a comment. */
    static String f64Decimal(long bits) {
        return decimal(Double.longBitsToDouble(bits), bits < 0);
    }

    private static String decimal(double v, boolean negative) {
        if (Double.isNaN(v)) {
            return negative ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return negative ? "-inf" : "inf";
        }
        String s = String.format(Locale.ROOT, "%g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exponent;
    }

    /** A v128 constant, low half first (little-endian): {@code i32x4 0x00000001 0x00000002 ...}. */
    static String v128(long lo, long hi) {
        return String.format(Locale.ROOT, "i32x4 0x%08x 0x%08x 0x%08x 0x%08x",
                (int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
    }

    /** A quoted string of bytes: printable ASCII as is, other bytes, {@code "} and {@code \} as {@code \xx}. */
    static String string(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 2);
        appendString(sb, bytes);
        return sb.toString();
    }

    /** A quoted string holding the UTF-8 encoding of {@code s}. */
    static String string(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }

    static void appendString(StringBuilder sb, byte[] bytes) {
        sb.append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append('\\').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        sb.append('"');
    }
}
