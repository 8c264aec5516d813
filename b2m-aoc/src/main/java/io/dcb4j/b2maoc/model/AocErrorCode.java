package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.FailureReason;
import java.util.Locale;
import java.util.Optional;

/**
 * The AOC gateway's error codes ({@code data.errorCode}; {@code 00} is success). The B2M document only names
 * the ranges {@code AOC0001}-{@code AOC0003}, {@code AOC1001}-{@code AOC1020} and {@code AOC2001}...; the
 * meanings below are those the AOC platform publishes. A code not listed here is kept as text by every
 * exception and result ({@code providerCode}) and {@link #of(String)} returns empty.
 */
public enum AocErrorCode {
    /** {@code AOC0001}: invalid parameter (details in {@code errorMessage}). */
    INVALID_PARAMETER("AOC0001", "Invalid parameter", FailureReason.OTHER),
    /** {@code AOC0002}: the transaction is not in a state that allows the call. */
    INVALID_STATE("AOC0002", "Invalid state", FailureReason.OTHER),
    /** {@code AOC0003}: the AOC token ({@code aocTransID}) is unknown or invalid. */
    INVALID_AOC_TOKEN("AOC0003", "Invalid AOC token", FailureReason.OTHER),
    /** {@code AOC1001}: the {@code spTransID} was used before. */
    DUPLICATE_SP_TRANS_ID("AOC1001", "Duplicate spTransID", FailureReason.OTHER),
    /** {@code AOC1002}: the subscriber is still active on the same subscription. */
    ALREADY_SUBSCRIBED("AOC1002", "Subscriber still active on this subscription", FailureReason.OTHER),
    /** {@code AOC1003}: the subscriber typed a wrong OTP on the consent page. */
    INVALID_OTP("AOC1003", "Invalid OTP", FailureReason.DENIED),
    /** {@code AOC1004}: the subscriber cancelled on the consent page. */
    USER_CANCELLED("AOC1004", "Subscriber cancelled on the AOC page", FailureReason.DENIED),
    /** {@code AOC1005}: the operator code is missing. */
    OPERATOR_CODE_MISSING("AOC1005", "Operator code missing", FailureReason.OTHER),
    /** {@code AOC1006}: the MSISDN is blacklisted. */
    MSISDN_BLACKLISTED("AOC1006", "MSISDN blacklisted", FailureReason.BARRED),
    /** {@code AOC1007}: charging (or refund) failed, typically for lack of balance. */
    CHARGING_FAILED("AOC1007", "Charging failed", FailureReason.INSUFFICIENT_FUNDS),
    /** {@code AOC1008}: a subscription charge is still being processed. */
    CHARGING_IN_PROGRESS("AOC1008", "Charging still in progress", FailureReason.OTHER),
    /** {@code AOC1009}: the wallet charge could not be initialised. */
    WALLET_INIT_FAILED("AOC1009", "Wallet charge could not be initialised", FailureReason.BILLING_FAILED),
    /** {@code AOC1010}: too many OTP requests. */
    OTP_REQUEST_LIMIT("AOC1010", "OTP request limit reached", FailureReason.OTHER),
    /** {@code AOC1011}: the free trial is over. */
    FREE_TRIAL_FINISHED("AOC1011", "Free trial finished", FailureReason.OTHER),
    /** {@code AOC1012}: the operator denied the charging request. */
    CHARGING_DENIED("AOC1012", "Charging request denied", FailureReason.DENIED),
    /** {@code AOC1013}: too many OTP requests. */
    OTP_REQUEST_LIMIT_2("AOC1013", "OTP request limit reached", FailureReason.OTHER),
    /** {@code AOC1014}: the transaction count limit was reached. */
    TRANSACTION_COUNT_LIMIT("AOC1014", "Transaction count limit reached", FailureReason.SPEND_LIMIT),
    /** {@code AOC1015}: the charge exceeds the per-transaction limit. */
    TRANSACTION_AMOUNT_LIMIT("AOC1015", "Charge exceeds the transaction limit", FailureReason.SPEND_LIMIT),
    /** {@code AOC1016}: the daily credit limit was reached. */
    DAILY_LIMIT("AOC1016", "Daily credit limit reached", FailureReason.SPEND_LIMIT),
    /** {@code AOC1017}: the monthly credit limit was reached. */
    MONTHLY_LIMIT("AOC1017", "Monthly credit limit reached", FailureReason.SPEND_LIMIT),
    /** {@code AOC1018}: the subscription (keyword) is not on-boarded on AOC. */
    NOT_ONBOARDED("AOC1018", "Subscription not on-boarded on AOC", FailureReason.OTHER),
    /** {@code AOC1019}: the transaction expired before the subscriber consented. */
    TRANSACTION_EXPIRED("AOC1019", "Transaction expired", FailureReason.OTHER),
    /** {@code AOC1020}: blocked while earlier transactions are still in progress. */
    TRANSACTION_IN_PROGRESS("AOC1020", "Earlier transactions still in progress", FailureReason.OTHER),
    /** {@code AOC2001}: renewal asked before the subscription's expiry date. */
    RENEWAL_TOO_EARLY("AOC2001", "Renewal before the expiry date", FailureReason.OTHER),
    /** {@code AOC2002}: renewal asked for a subscription that was cancelled or has expired. */
    RENEWAL_NOT_ACTIVE("AOC2002", "Subscription cancelled or expired", FailureReason.OTHER),
    /** {@code AOC2003}: renewal asked for a subscription the gateway does not know. */
    RENEWAL_NOT_FOUND("AOC2003", "Subscription not found", FailureReason.OTHER),
    /** {@code AOC2004}: the daily renewal retry limit was reached. */
    RENEWAL_RETRY_LIMIT("AOC2004", "Renewal retry limit reached for today", FailureReason.OTHER);

    private final String code;
    private final String description;
    private final FailureReason failureReason;

    AocErrorCode(String code, String description, FailureReason failureReason) {
        this.code = code;
        this.description = description;
        this.failureReason = failureReason;
    }

    /**
     * The code as the gateway writes it.
     *
     * @return for example {@code AOC1007}
     */
    public String code() {
        return code;
    }

    /**
     * A short English description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The neutral reason a charge failed with this code.
     *
     * @return the reason; {@link FailureReason#OTHER} for codes that are not about billing
     */
    public FailureReason failureReason() {
        return failureReason;
    }

    /**
     * Looks a code up, ignoring case and surrounding spaces.
     *
     * @param code for example {@code AOC1007}
     * @return the code, empty for {@code 00}, blank or unknown codes
     */
    public static Optional<AocErrorCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        for (AocErrorCode e : values()) {
            if (e.code.equals(c)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
