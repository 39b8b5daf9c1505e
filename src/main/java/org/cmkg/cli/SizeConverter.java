package org.cmkg.cli;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a size in bytes: {@code 64MB}, {@code 500KB}, {@code 1GB}, {@code 1048576} (binary multiples). */
public final class SizeConverter implements ITypeConverter<Long> {
    private static final String[][] UNITS = {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"},
            {"G", "1073741824"}, {"M", "1048576"}, {"K", "1024"}, {"B", "1"}};

    @Override
    public Long convert(String value) {
        String s = value.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : UNITS) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(s), unit);
            if (bytes < 0)
                throw new NumberFormatException();
            return bytes;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 64MB, 500KB, 1GB, 1048576)");
        }
    }
}
