package io.dcb4j.b2maoc.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The wire DTOs of the AOC gateway: the {@code data} object of each answer, bound after {@link
 * B2mAocMapper#read} lower-cased and stripped the keys (the envelope {@code {status, errors, message, data}}
 * itself is read as a tree there).
 */
public final class B2mAocWire {

    private B2mAocWire() {
    }

    /** getToken's {@code data}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenData(
            @JsonProperty("aoctransid") String aocTransId,
            @JsonProperty("sptransid") String spTransId,
            @JsonProperty("redirecturl") String redirectUrl) {
    }

    /** chargeStatus's {@code data}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChargeStatusData(
            @JsonProperty("transactionoperationstatus") String transactionOperationStatus,
            @JsonProperty("totalamountcharged") BigDecimal totalAmountCharged,
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("chargemode") String chargeMode,
            @JsonProperty("clientcorrelator") String clientCorrelator,
            @JsonProperty("errorcode") String errorCode,
            @JsonProperty("errormessage") String errorMessage) {
    }

    /** subscriptionStatus's {@code data}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriptionStatusData(
            @JsonProperty("subscriptionid") String subscriptionId,
            @JsonProperty("subscriptionname") String subscriptionName,
            @JsonProperty("status") String status,
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("expirydate") String expiryDate,
            @JsonProperty("errorcode") String errorCode,
            @JsonProperty("errormessage") String errorMessage) {
    }

    /** renewSubscription's {@code data}, both answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RenewData(
            @JsonProperty("sptransid") String spTransId,
            @JsonProperty("aoctransid") String aocTransId,
            @JsonProperty("transactionoperationstatus") String transactionOperationStatus,
            @JsonProperty("totalamountcharged") BigDecimal totalAmountCharged,
            @JsonProperty("chargemode") String chargeMode,
            @JsonProperty("subscriptionid") String subscriptionId,
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("errorcode") String errorCode,
            @JsonProperty("errormessage") String errorMessage) {
    }

    /** cancelSubscription's {@code data}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CancelData(
            @JsonProperty("errorcode") String errorCode,
            @JsonProperty("errormessage") String errorMessage) {
    }
}
