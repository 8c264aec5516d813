package io.dcb4j.core.model;

/** Why a charge failed, in neutral terms. */
public enum FailureReason {
    /** Not enough credit or balance. */
    INSUFFICIENT_FUNDS,
    /** The operator bars the subscriber from premium billing. */
    BARRED,
    /** The operator does not know the subscriber. */
    UNKNOWN_SUBSCRIBER,
    /** A daily, monthly or per-service spend limit was reached. */
    SPEND_LIMIT,
    /** The subscriber or the operator refused (consent denied, PIN wrong). */
    DENIED,
    /** Billing failed for another reason the provider gave. */
    BILLING_FAILED,
    /** No reason could be mapped; the raw code is kept beside it. */
    OTHER
}
