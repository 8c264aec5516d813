package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.ChargeState;
import java.util.Locale;

/**
 * The AOC gateway's {@code transactionOperationStatus}. The gateway's casing varies ({@code Charged},
 * {@code charged}, {@code PENDING_CONSENT}, {@code pendingConsent}); {@link #of(String)} ignores case,
 * spaces, dashes and underscores. A value not listed here is {@link #UNKNOWN}, never an error.
 */
public enum TransactionOperationStatus {
    /** The subscriber was billed. */
    CHARGED(ChargeState.SUCCEEDED),
    /** The subscriber or the operator refused the charge. */
    DENIED(ChargeState.DENIED),
    /** The gateway is still charging. */
    PROCESSING(ChargeState.PROCESSING),
    /** The subscriber has not yet confirmed on the Robi consent page. */
    PENDING_CONSENT(ChargeState.PENDING_VALIDATION),
    /** The subscriber's balance is too low; the gateway waits for a top-up. */
    PENDING_TOPUP(ChargeState.PENDING_VALIDATION),
    /** The operator is retrying at a lower price point (step-down charging). */
    PENDING_STEP_DOWN(ChargeState.PROCESSING),
    /** A value dcb4j does not know; the raw text is kept beside it. */
    UNKNOWN(ChargeState.UNKNOWN);

    private final ChargeState chargeState;

    TransactionOperationStatus(ChargeState chargeState) {
        this.chargeState = chargeState;
    }

    /**
     * The neutral charge state.
     *
     * @return for example {@link ChargeState#SUCCEEDED} for {@link #CHARGED}
     */
    public ChargeState chargeState() {
        return chargeState;
    }

    /**
     * Reads the gateway's text in any casing.
     *
     * @param raw for example {@code Charged} or {@code pending_consent}; null or blank gives {@link #UNKNOWN}
     * @return the status
     */
    public static TransactionOperationStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String key = raw.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        return switch (key) {
            case "charged" -> CHARGED;
            case "denied" -> DENIED;
            case "processing" -> PROCESSING;
            case "pendingconsent" -> PENDING_CONSENT;
            case "pendingtopup" -> PENDING_TOPUP;
            case "pendingstepdown" -> PENDING_STEP_DOWN;
            default -> UNKNOWN;
        };
    }
}
