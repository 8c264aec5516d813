package io.dcb4j.camara.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shapes of CAMARA Carrier Billing v0.5 and Carrier Billing Refund v0.3, read and written with the
 * core mapper (unknown fields ignored, numbers accepted as strings, null members left out when writing).
 * Internal.
 */
public final class CamaraWire {

    private CamaraWire() {
    }

    /**
     * The token endpoint's answer (OAuth 2.0, RFC 6749 section 5.1).
     *
     * @param accessToken {@code access_token}
     * @param tokenType {@code token_type}, normally {@code Bearer}
     * @param expiresIn {@code expires_in}, seconds, as number or text
     * @param scope {@code scope} granted, or null
     */
    public record TokenAnswer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") String expiresIn,
            @JsonProperty("scope") String scope) {

        /** Never the token. */
        @Override
        public String toString() {
            return "TokenAnswer[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * {@code ChargingInformation}: what is charged, reserved or refunded.
     *
     * @param amount the amount
     * @param currency ISO 4217 code
     * @param description the billing text
     * @param isTaxIncluded whether the amount includes tax
     * @param taxAmount the tax in the amount
     */
    public record ChargingInformation(
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("description") String description,
            @JsonProperty("isTaxIncluded") Boolean isTaxIncluded,
            @JsonProperty("taxAmount") BigDecimal taxAmount) {
    }

    /**
     * {@code ChargingMetaData}.
     *
     * @param merchantName the merchant's name
     * @param merchantIdentifier the merchant's id
     * @param fee the requester's percentage
     * @param purchaseCategoryCode the category
     * @param channel the channel (web, WAP, SMS...)
     * @param serviceId the service
     * @param productId the product
     */
    public record ChargingMetaData(
            @JsonProperty("merchantName") String merchantName,
            @JsonProperty("merchantIdentifier") String merchantIdentifier,
            @JsonProperty("fee") BigDecimal fee,
            @JsonProperty("purchaseCategoryCode") String purchaseCategoryCode,
            @JsonProperty("channel") String channel,
            @JsonProperty("serviceId") String serviceId,
            @JsonProperty("productId") String productId) {
    }

    /**
     * {@code PaymentItem}.
     *
     * @param id the item id
     * @param amount the amount
     * @param currency ISO 4217 code
     * @param description the text
     * @param isTaxIncluded whether the amount includes tax
     * @param taxAmount the tax
     */
    public record PaymentItem(
            @JsonProperty("id") String id,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("description") String description,
            @JsonProperty("isTaxIncluded") Boolean isTaxIncluded,
            @JsonProperty("taxAmount") BigDecimal taxAmount) {
    }

    /**
     * {@code RefundItem}.
     *
     * @param paymentItemId the payment item refunded
     * @param amount the amount
     * @param currency ISO 4217 code
     * @param description the text
     * @param isTaxIncluded whether the amount includes tax
     * @param taxAmount the tax
     */
    public record RefundItem(
            @JsonProperty("paymentItemId") String paymentItemId,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("description") String description,
            @JsonProperty("isTaxIncluded") Boolean isTaxIncluded,
            @JsonProperty("taxAmount") BigDecimal taxAmount) {
    }

    /**
     * {@code PaymentAmountForCharge} / {@code PaymentAmountForReserve}.
     *
     * @param chargingInformation what is charged
     * @param chargingMetaData about the merchant and product, or null
     * @param paymentDetails the items, or null
     */
    public record PaymentAmount(
            @JsonProperty("chargingInformation") ChargingInformation chargingInformation,
            @JsonProperty("chargingMetaData") ChargingMetaData chargingMetaData,
            @JsonProperty("paymentDetails") List<PaymentItem> paymentDetails) {
    }

    /**
     * {@code AmountTransaction}, request and answer.
     *
     * @param phoneNumber E.164 with {@code +}, or null (three-legged tokens name the subscriber)
     * @param clientCorrelator the idempotency key
     * @param paymentAmount what is charged
     * @param referenceCode the merchant's reference
     * @param resourceUrl {@code resourceURL} (answers only)
     * @param serverReferenceCode the operator's reference (answers only)
     */
    public record AmountTransaction(
            @JsonProperty("phoneNumber") String phoneNumber,
            @JsonProperty("clientCorrelator") String clientCorrelator,
            @JsonProperty("paymentAmount") PaymentAmount paymentAmount,
            @JsonProperty("referenceCode") String referenceCode,
            @JsonProperty("resourceURL") String resourceUrl,
            @JsonProperty("serverReferenceCode") String serverReferenceCode) {

        /** Never the phone number. */
        @Override
        public String toString() {
            return "AmountTransaction[referenceCode=" + referenceCode + "]";
        }
    }

    /**
     * {@code SinkCredential} of type {@code ACCESSTOKEN}, the only one the specification supports.
     *
     * @param credentialType {@code ACCESSTOKEN}
     * @param accessToken the token the operator presents to the sink
     * @param accessTokenExpiresUtc when it expires, RFC 3339
     * @param accessTokenType {@code bearer}
     */
    public record SinkCredential(
            @JsonProperty("credentialType") String credentialType,
            @JsonProperty("accessToken") String accessToken,
            @JsonProperty("accessTokenExpiresUtc") String accessTokenExpiresUtc,
            @JsonProperty("accessTokenType") String accessTokenType) {

        /** Never the token. */
        @Override
        public String toString() {
            return "SinkCredential[" + credentialType + "]";
        }
    }

    /**
     * {@code CreatePayment} and {@code BodyAmountReservationTransactionForReserveInput}.
     *
     * @param amountTransaction what to charge
     * @param sink where the operator sends events, or null
     * @param sinkCredential how it authenticates there, or null
     */
    public record CreatePayment(
            @JsonProperty("amountTransaction") AmountTransaction amountTransaction,
            @JsonProperty("sink") String sink,
            @JsonProperty("sinkCredential") SinkCredential sinkCredential) {
    }

    /**
     * {@code ValidationInfo}: how the subscriber validates a prepared payment.
     *
     * @param action {@code open} or {@code validate}
     * @param authorizationId for {@code validate}
     * @param validationUrl {@code validationURL}, for {@code open}
     */
    public record ValidationInfo(
            @JsonProperty("action") String action,
            @JsonProperty("authorizationId") String authorizationId,
            @JsonProperty("validationURL") String validationUrl) {
    }

    /**
     * {@code Payment}, {@code PaymentCreated} and {@code BodyAmountReservationTransactionForReserve}.
     *
     * @param paymentId the payment id
     * @param amountTransaction what was charged
     * @param paymentStatus the status
     * @param paymentCreationDate RFC 3339
     * @param paymentDate RFC 3339, or null
     * @param validationInfo for pending validation, or null
     * @param sink the sink, or null
     */
    public record Payment(
            @JsonProperty("paymentId") String paymentId,
            @JsonProperty("amountTransaction") AmountTransaction amountTransaction,
            @JsonProperty("paymentStatus") String paymentStatus,
            @JsonProperty("paymentCreationDate") String paymentCreationDate,
            @JsonProperty("paymentDate") String paymentDate,
            @JsonProperty("validationInfo") ValidationInfo validationInfo,
            @JsonProperty("sink") String sink) {
    }

    /**
     * {@code ValidatePayment}.
     *
     * @param authorizationId from the prepare answer
     * @param code what the subscriber received
     */
    public record ValidatePayment(
            @JsonProperty("authorizationId") String authorizationId,
            @JsonProperty("code") String code) {

        /** Never the code. */
        @Override
        public String toString() {
            return "ValidatePayment[authorizationId=" + authorizationId + "]";
        }
    }

    /**
     * {@code PhoneNumber}: the body of confirm and cancel.
     *
     * @param phoneNumber E.164 with {@code +}, or null
     */
    public record PhoneNumber(@JsonProperty("phoneNumber") String phoneNumber) {

        /** Never the phone number. */
        @Override
        public String toString() {
            return "PhoneNumber[" + (phoneNumber == null ? "none" : "***") + "]";
        }
    }

    /**
     * {@code RefundAmount}: {@code RefundAmountTotalRefund} or {@code RefundAmountPartialRefund}.
     *
     * @param chargingInformation what is refunded (partial only)
     * @param chargingMetaData the merchant, or null
     * @param refundDetails the items (partial only), or null
     */
    public record RefundAmount(
            @JsonProperty("chargingInformation") ChargingInformation chargingInformation,
            @JsonProperty("chargingMetaData") ChargingMetaData chargingMetaData,
            @JsonProperty("refundDetails") List<RefundItem> refundDetails) {
    }

    /**
     * {@code AmountTransactionTotalRefund} / {@code AmountTransactionPartialRefund}.
     *
     * @param clientCorrelator the idempotency key
     * @param refundAmount what is refunded
     * @param referenceCode the merchant's reference
     */
    public record RefundTransaction(
            @JsonProperty("clientCorrelator") String clientCorrelator,
            @JsonProperty("refundAmount") RefundAmount refundAmount,
            @JsonProperty("referenceCode") String referenceCode) {
    }

    /**
     * {@code CreateRefund}.
     *
     * @param type {@code total} or {@code partial}
     * @param reason why, or null
     * @param amountTransaction what is refunded
     * @param sink where the operator sends events, or null
     * @param sinkCredential how it authenticates there, or null
     */
    public record CreateRefund(
            @JsonProperty("type") String type,
            @JsonProperty("reason") String reason,
            @JsonProperty("amountTransaction") RefundTransaction amountTransaction,
            @JsonProperty("sink") String sink,
            @JsonProperty("sinkCredential") SinkCredential sinkCredential) {
    }

    /**
     * {@code Refund}: {@code TotalRefund} or {@code PartialRefund}.
     *
     * @param refundId the refund id
     * @param refundStatus the status
     * @param type {@code total} or {@code partial}
     * @param refundCreationDate RFC 3339
     * @param refundDate RFC 3339, or null
     * @param reason why, or null
     * @param sink the sink, or null
     * @param amountTransaction what is refunded
     */
    public record Refund(
            @JsonProperty("refundId") String refundId,
            @JsonProperty("refundStatus") String refundStatus,
            @JsonProperty("type") String type,
            @JsonProperty("refundCreationDate") String refundCreationDate,
            @JsonProperty("refundDate") String refundDate,
            @JsonProperty("reason") String reason,
            @JsonProperty("sink") String sink,
            @JsonProperty("amountTransaction") RefundTransaction amountTransaction) {
    }

    /**
     * {@code PaymentRemainingAmount}.
     *
     * @param amount what is not refunded yet
     * @param currency ISO 4217 code
     * @param description the operator's text, or null
     * @param isTaxIncluded whether the amount includes tax
     * @param taxAmount the tax
     */
    public record RemainingAmount(
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("description") String description,
            @JsonProperty("isTaxIncluded") Boolean isTaxIncluded,
            @JsonProperty("taxAmount") BigDecimal taxAmount) {
    }

    /**
     * A CloudEvents 1.0 notification (structured mode, {@code application/cloudevents+json}).
     *
     * @param id the event id, unique within its source
     * @param source the event's source
     * @param type the event type
     * @param specversion {@code 1.0}
     * @param datacontenttype {@code application/json}
     * @param time RFC 3339
     * @param data the event data
     */
    public record CloudEvent(
            @JsonProperty("id") String id,
            @JsonProperty("source") String source,
            @JsonProperty("type") String type,
            @JsonProperty("specversion") String specversion,
            @JsonProperty("datacontenttype") String datacontenttype,
            @JsonProperty("time") String time,
            @JsonProperty("data") JsonNode data) {
    }

    /**
     * The data of a payment or refund event ({@code BasicEvent} and its extensions).
     *
     * @param paymentId the payment
     * @param refundId the refund (refund events)
     * @param status {@code succeeded} or {@code failed}
     * @param description the operator's text
     * @param paymentDate when the payment was made (payment-completed)
     * @param refundDate when the refund was made (refund-completed)
     * @param denialReason why it was denied (denied events)
     */
    public record EventData(
            @JsonProperty("paymentId") String paymentId,
            @JsonProperty("refundId") String refundId,
            @JsonProperty("status") String status,
            @JsonProperty("description") String description,
            @JsonProperty("paymentDate") String paymentDate,
            @JsonProperty("refundDate") String refundDate,
            @JsonProperty("denialReason") String denialReason) {
    }
}
