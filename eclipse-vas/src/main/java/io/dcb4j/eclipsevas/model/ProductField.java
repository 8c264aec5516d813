package io.dcb4j.eclipsevas.model;

/**
 * One entry of a catalogue product's {@code additionalFields}: either an input the payment needs
 * ({@code id}, {@code title}, {@code type}, {@code regex}) or, on bill look-ups, a value the biller returned
 * ({@code id}, {@code defaultValue}).
 *
 * @param id the field id, for example {@code msisdn} or {@code OutstandingBal}
 * @param title the label to show, or null
 * @param type the input type, for example {@code NUMERIC}, or null
 * @param regex the pattern an input must match, or null
 * @param defaultValue the value returned by a look-up, or null
 */
public record ProductField(String id, String title, String type, String regex, String defaultValue) {

    /**
     * Whether a value satisfies {@link #regex()}.
     *
     * @param value the candidate
     * @return true when there is no pattern or the value matches it
     */
    public boolean accepts(String value) {
        if (regex == null || regex.isBlank()) {
            return true;
        }
        return value != null && value.matches(regex);
    }

    /** With long digit runs in the default value masked. */
    @Override
    public String toString() {
        String text = "ProductField[id=" + id + ", title=" + title + ", type=" + type + ", regex=" + regex
                + ", defaultValue=" + Masking.mask(defaultValue) + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
