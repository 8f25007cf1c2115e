package dev.robusta.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration: a whole number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}: {@code 500ms},
 * {@code 10s}, {@code 1m}. The unit is required: a bare number could mean seconds or milliseconds.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("expected a duration such as 500ms, 10s, 1m or 2h, not '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.of(amount, ChronoUnit.MILLIS);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }
}
