package io.dcb4j.b2maoc.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.Msisdn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/** Wire formats of the AOC gateway: MSISDNs, dates, blank text. */
public final class Wire {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private Wire() {
    }

    /**
     * The MSISDN as the gateway wants it: digits with the country code, no {@code +} ({@code 8801XXXXXXXXX}).
     * A Bangladeshi national number ({@code 01XXXXXXXXX}, 11 digits) gets the {@code 88} country code.
     *
     * @param msisdn the subscriber
     * @return the digits
     */
    public static String msisdn(Msisdn msisdn) {
        String d = msisdn.digits();
        if (d.length() == 11 && d.startsWith("01")) {
            return "88" + d;
        }
        return d;
    }

    /**
     * Reads an MSISDN from an answer, with or without {@code +}.
     *
     * @param raw the text
     * @return the MSISDN, or null when absent or not a valid number (for example masked)
     */
    public static Msisdn msisdnOrNull(String raw) {
        String s = blankToNull(raw);
        if (s == null || !Msisdn.isValid(s)) {
            return null;
        }
        Msisdn m = Msisdn.of(s);
        return m.digits().length() == 11 && m.digits().startsWith("01") ? Msisdn.of("88" + m.digits()) : m;
    }

    /**
     * Reads {@code dd-MM-yyyy} (also {@code d-M-yyyy}, {@code dd/MM/yyyy} and ISO {@code yyyy-MM-dd}), years
     * 1 to 9999.
     *
     * @param field the wire name, for the message
     * @param raw the text
     * @param context the call's context
     * @return the date, or null when absent or blank
     * @throws DcbProtocolException naming the field when present but not such a date: a date is never dropped
     *     silently
     */
    public static LocalDate date(String field, String raw, ErrorContext context) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                if (d.getYear() >= 1 && d.getYear() <= 9999) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new DcbProtocolException("'" + field + "' is not a date of the form dd-MM-yyyy", context, null);
    }

    /**
     * Strips text; blank becomes null.
     *
     * @param s the text
     * @return the stripped text or null
     */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
