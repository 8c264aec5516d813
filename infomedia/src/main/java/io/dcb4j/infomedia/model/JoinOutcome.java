package io.dcb4j.infomedia.model;

/**
 * Which of the documented {@code SubscriptionJoinWithParams} outcomes an answer is. Infomedia gives no
 * explicit field for it: dcb4j derives it from the description code, {@code txid} and {@code conf}.
 */
public enum JoinOutcome {
    /** Subscribed in a free period: no {@code txid}, no payment confirmation, code {@code 00}. */
    FREE_PERIOD,
    /** Subscribed and billed at once (a resubscription: free periods are once per MSISDN): {@code conf.status} is {@code Success}. */
    CHARGED,
    /** A cancelled subscription came back inside its paid period: description code {@code 23}; no charge. */
    REACTIVATED,
    /** A {@code txid} came back but no payment confirmation yet: the type 5 (Charge) webhook tells the outcome. */
    CHARGE_PENDING,
    /** The payment confirmation is present and not {@code Success}: subscribed, but the first charge failed. */
    CHARGE_FAILED
}
