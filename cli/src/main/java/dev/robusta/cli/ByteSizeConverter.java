package dev.robusta.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size in bytes: a whole number with an optional binary unit, {@code K}, {@code M} or {@code G} (powers
 * of 1024, also written {@code KiB}, {@code MB} and so on, in any case): {@code 65536}, {@code 64K},
 * {@code 16MiB}, {@code 1G}.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(?:([kmg])i?)?b?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("expected a number of bytes such as 65536, 64K, 16M or 1G, not '"
                    + value + "'");
        }
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("kmg".indexOf(m.group(2)) + 1);
        if (number > Long.MAX_VALUE >> shift) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        return number << shift;
    }
}
