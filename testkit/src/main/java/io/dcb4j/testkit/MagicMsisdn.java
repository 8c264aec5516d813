package io.dcb4j.testkit;

import io.dcb4j.core.model.Msisdn;
import java.util.Optional;

/**
 * MSISDNs that make every simulator take a failure path, chosen by their last four digits so that they
 * work in any country's numbering: {@code MagicMsisdn.INSUFFICIENT_FUNDS.applyTo("21612345678")} gives
 * {@code 21612349911}. Any other MSISDN takes the happy path.
 *
 * <table>
 *   <caption>Magic MSISDN suffixes</caption>
 *   <tr><th>constant</th><th>suffix</th><th>what the simulators do</th></tr>
 *   <tr><td>WRONG_PIN</td><td>9901</td><td>every PIN is rejected as wrong</td></tr>
 *   <tr><td>INSUFFICIENT_FUNDS</td><td>9911</td><td>charges fail for lack of credit</td></tr>
 *   <tr><td>BARRED</td><td>9912</td><td>the operator bars the subscriber</td></tr>
 *   <tr><td>UNKNOWN_SUBSCRIBER</td><td>9913</td><td>the operator does not know the number</td></tr>
 *   <tr><td>SPEND_LIMIT</td><td>9914</td><td>a spend limit is reached</td></tr>
 *   <tr><td>ALREADY_SUBSCRIBED</td><td>9921</td><td>subscribing answers "already subscribed"</td></tr>
 *   <tr><td>PROVIDER_OUTAGE</td><td>9931</td><td>every call for the number answers HTTP 503</td></tr>
 *   <tr><td>SLOW_ANSWER</td><td>9932</td><td>every call for the number answers after {@link #SLOW_ANSWER_DELAY_MILLIS} ms</td></tr>
 *   <tr><td>CONSENT_DENIED</td><td>9941</td><td>the subscriber denies consent (redirect, captcha, SMS flows)</td></tr>
 * </table>
 */
public enum MagicMsisdn {
    /** Every PIN is rejected as wrong. */
    WRONG_PIN("9901"),
    /** Charges fail for lack of credit. */
    INSUFFICIENT_FUNDS("9911"),
    /** The operator bars the subscriber from premium billing. */
    BARRED("9912"),
    /** The operator does not know the number. */
    UNKNOWN_SUBSCRIBER("9913"),
    /** A spend limit is reached. */
    SPEND_LIMIT("9914"),
    /** Subscribing answers "already subscribed". */
    ALREADY_SUBSCRIBED("9921"),
    /** Every call for the number answers HTTP 503. */
    PROVIDER_OUTAGE("9931"),
    /** Every call for the number answers slowly. */
    SLOW_ANSWER("9932"),
    /** The subscriber denies consent. */
    CONSENT_DENIED("9941");

    /** How long {@link #SLOW_ANSWER} numbers wait before the simulator answers. */
    public static final long SLOW_ANSWER_DELAY_MILLIS = 1500;

    private final String suffix;

    MagicMsisdn(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The last four digits that select this behaviour.
     *
     * @return the suffix
     */
    public String suffix() {
        return suffix;
    }

    /**
     * A number of the same country and length as {@code sample} that selects this behaviour.
     *
     * @param sample a valid MSISDN, for example {@code 21612345678}
     * @return the magic MSISDN
     */
    public Msisdn applyTo(String sample) {
        String digits = Msisdn.of(sample).digits();
        return Msisdn.of(digits.substring(0, digits.length() - 4) + suffix);
    }

    /**
     * The behaviour a number selects.
     *
     * @param msisdn the number, or null
     * @return the behaviour, empty for the happy path
     */
    public static Optional<MagicMsisdn> of(Msisdn msisdn) {
        return msisdn == null ? Optional.empty() : of(msisdn.digits());
    }

    /**
     * The behaviour a number selects, from its digits in any format.
     *
     * @param digits the number as sent on the wire ({@code +} and formatting allowed), or null
     * @return the behaviour, empty for the happy path or an unreadable number
     */
    public static Optional<MagicMsisdn> of(String digits) {
        if (digits == null || !Msisdn.isValid(digits)) {
            return Optional.empty();
        }
        String d = Msisdn.of(digits).digits();
        for (MagicMsisdn m : values()) {
            if (d.endsWith(m.suffix)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
