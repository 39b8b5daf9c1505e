package org.cmkg.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration: {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, or ISO {@code PT30S}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt"))
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            if (v.endsWith("ms"))
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            if (v.endsWith("s"))
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000));
            if (v.endsWith("m"))
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()) * 60);
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 30, 30s, 500ms, 2m)");
        }
    }
}
