package io.dcb4j.core;

import io.dcb4j.core.spi.support.Redaction;

/**
 * Text that came from a provider (a raw state, a detail, an instruction, a message) is untrusted: it may hold
 * terminal escape sequences, line breaks that forge log lines, bidi overrides that reorder what is shown, a
 * subscriber's phone number or megabytes of text. dcb4j cleans it this way in every exception message and
 * {@code toString()}; use {@link #clean(String)} before you print or log provider text taken from a result.
 */
public final class ProviderText {

    /** The most characters a cleaned text has, its {@value #TRUNCATED} marker included. */
    public static final int MAX_LENGTH = Redaction.MAX_TEXT;

    /** The end of a text that was cut. */
    public static final String TRUNCATED = Redaction.TRUNCATED;

    private ProviderText() {
    }

    /**
     * Cleans a provider text: ANSI escape sequences removed; control characters, line and paragraph separators
     * replaced by a space; bidi and other invisible format characters removed; runs of white space collapsed;
     * bearer tokens and credential fields ({@code "password":"..."}, {@code client_secret=...}) masked;
     * phone-number-like numbers masked in any shape ({@code +216 98 765 432} becomes
     * {@code +216 9* *** *32}), dates and amounts left alone; cut to {@value #MAX_LENGTH} characters.
     *
     * @param text the text, or null
     * @return the cleaned text, or null
     */
    public static String clean(String text) {
        return Redaction.scrubText(text);
    }

    /**
     * Makes a provider id printable without masking it (a subscription or transaction id you must be able to
     * copy): escape sequences, control, line-separator and bidi characters removed, cut to
     * {@value #MAX_LENGTH} characters. Use {@link #clean(String)} for anything else.
     *
     * @param id the id, or null
     * @return the printable id, or null
     */
    public static String printable(String id) {
        return Redaction.printable(id);
    }
}
