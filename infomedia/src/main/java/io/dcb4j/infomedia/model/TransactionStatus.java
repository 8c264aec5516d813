package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.FailureReason;
import java.util.Locale;
import java.util.Set;

/**
 * A charge's {@code transactionStatus} code and its neutral meaning: {@code 00} billed; {@code AA}
 * insufficient credit; {@code A5} barred by the operator; {@code A3} unknown MSISDN; {@code A6}-{@code A9},
 * {@code AB}-{@code AD} spend limit reached; {@code 01}, {@code 48}, {@code 74}, {@code A0}-{@code A2},
 * {@code A4}, {@code AF} billing failed; any other code failed for a reason dcb4j cannot name
 * ({@link FailureReason#OTHER}).
 *
 * @param code the code as received (trimmed)
 * @param billed true for {@code 00}
 * @param failureReason the neutral reason when not billed; null when billed
 */
public record TransactionStatus(String code, boolean billed, FailureReason failureReason) {

    private static final Set<String> SPEND_LIMIT = Set.of("A6", "A7", "A8", "A9", "AB", "AC", "AD");
    private static final Set<String> BILLING_FAILED = Set.of("01", "48", "74", "A0", "A1", "A2", "A4", "AF");

    /**
     * Interprets a code.
     *
     * @param code the {@code transactionStatus} value, not null
     * @return the status
     */
    public static TransactionStatus of(String code) {
        String c = code.strip();
        String u = c.toUpperCase(Locale.ROOT);
        if (u.equals("00")) {
            return new TransactionStatus(c, true, null);
        }
        return new TransactionStatus(c, false, reason(u));
    }

    /**
     * The neutral failure reason of a code.
     *
     * @param code the code, any case
     * @return the reason; null for {@code 00}
     */
    public static FailureReason reasonOf(String code) {
        String u = code.strip().toUpperCase(Locale.ROOT);
        return u.equals("00") ? null : reason(u);
    }

    private static FailureReason reason(String u) {
        if (u.equals("AA")) {
            return FailureReason.INSUFFICIENT_FUNDS;
        }
        if (u.equals("A5")) {
            return FailureReason.BARRED;
        }
        if (u.equals("A3")) {
            return FailureReason.UNKNOWN_SUBSCRIBER;
        }
        if (SPEND_LIMIT.contains(u)) {
            return FailureReason.SPEND_LIMIT;
        }
        if (BILLING_FAILED.contains(u)) {
            return FailureReason.BILLING_FAILED;
        }
        return FailureReason.OTHER;
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
