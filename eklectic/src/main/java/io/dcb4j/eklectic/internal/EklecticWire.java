package io.dcb4j.eklectic.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Eklectic's JSON shapes, read with the core mapper (unknown fields ignored, numbers accepted as strings).
 * Every scalar of the subscriber record is read as text and converted by {@link EklecticMapper}, because
 * the provider sends the same field as a number in one answer and as a string in another. Internal.
 */
public final class EklecticWire {

    private EklecticWire() {
    }

    /**
     * {@code POST /oauth/token} answer.
     *
     * @param accessToken {@code access_token}
     * @param expiresIn {@code expires_in}, seconds, as number or text
     * @param tokenType {@code token_type}, normally {@code Bearer}
     * @param scope {@code scope}, normally null
     */
    public record TokenAnswer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") String expiresIn,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("scope") String scope) {

        /** Never the token. */
        @Override
        public String toString() {
            return "TokenAnswer[expiresIn=" + expiresIn + ", tokenType=" + tokenType + "]";
        }
    }

    /**
     * {@code POST /subscription/otp} and {@code POST /subscription/find} request body.
     *
     * @param msisdn the subscriber, digits with country code
     * @param offreid the offer id: a number when it is one, else text
     */
    public record OfferRequest(
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("offreid") Object offreid) {

        /** Never the full MSISDN. */
        @Override
        public String toString() {
            return "OfferRequest[offreid=" + offreid + "]";
        }
    }

    /**
     * {@code POST /subscription/confirm} request body.
     *
     * @param msisdn the subscriber
     * @param offreid the offer id
     * @param code the challenge code from the OTP answer
     * @param pin the PIN the subscriber typed
     */
    public record ConfirmRequest(
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("offreid") Object offreid,
            @JsonProperty("code") String code,
            @JsonProperty("pin") String pin) {

        /** Never the MSISDN or the PIN. */
        @Override
        public String toString() {
            return "ConfirmRequest[offreid=" + offreid + "]";
        }
    }

    /**
     * {@code POST /subscription/otp} answer.
     *
     * @param code the challenge code
     * @param expire when the PIN expires, zone-less
     */
    public record OtpAnswer(
            @JsonProperty("code") String code,
            @JsonProperty("expire") String expire) {
    }

    /**
     * {@code POST /subscription/confirm} answer.
     *
     * @param confirm {@code OK}/{@code KO}, any case
     * @param user the subscriber record
     */
    public record ConfirmAnswer(
            @JsonProperty("confirm") String confirm,
            @JsonProperty("user") SubscriberDto user) {
    }

    /**
     * {@code GET /subscription/{id}} answer.
     *
     * @param user the subscriber record
     */
    public record DetailsAnswer(@JsonProperty("user") SubscriberDto user) {
    }

    /**
     * The {@code user} object.
     *
     * @param id subscription id
     * @param msisdn the subscriber's number
     * @param dateDebfree free period start
     * @param dateFinfree free period end
     * @param subscriptionDate subscription date
     * @param unsubscriptionDate unsubscription date
     * @param firstBroadcastbilling first billing attempt
     * @param lastBroadcastbilling last billing attempt
     * @param firstSuccessbilling first successful billing
     * @param lastSuccessbilling last successful billing
     * @param successBilling number of successful billings
     * @param simchurn SIM churn flag
     * @param dateSimchurn SIM churn date
     * @param dateRevsimchurn SIM churn reversal date
     * @param createAt record creation
     * @param lastStatusUpdate last status change
     * @param serviceId service id
     * @param offreId offer id ({@code offre_id}, {@code offreid} or {@code offreId})
     * @param status numeric status
     * @param state state name
     * @param expireDate end of the current period
     */
    public record SubscriberDto(
            @JsonProperty("id") String id,
            @JsonProperty("msisdn") String msisdn,
            @JsonProperty("date_debfree") String dateDebfree,
            @JsonProperty("date_finfree") String dateFinfree,
            @JsonProperty("subscription_date") String subscriptionDate,
            @JsonProperty("unsubscription_date") String unsubscriptionDate,
            @JsonProperty("first_broadcastbilling") String firstBroadcastbilling,
            @JsonProperty("last_broadcastbilling") String lastBroadcastbilling,
            @JsonProperty("first_successbilling") String firstSuccessbilling,
            @JsonProperty("last_successbilling") String lastSuccessbilling,
            @JsonProperty("success_billing") String successBilling,
            @JsonProperty("simchurn") String simchurn,
            @JsonProperty("date_simchurn") String dateSimchurn,
            @JsonProperty("date_revsimchurn") String dateRevsimchurn,
            @JsonProperty("create_at") @JsonAlias("created_at") String createAt,
            @JsonProperty("last_status_update") String lastStatusUpdate,
            @JsonProperty("service_id") @JsonAlias({"serviceid", "serviceId"}) String serviceId,
            @JsonProperty("offre_id") @JsonAlias({"offreid", "offreId"}) String offreId,
            @JsonProperty("status") String status,
            @JsonProperty("state") String state,
            @JsonProperty("expire_date") String expireDate) {

        /** Never the MSISDN. */
        @Override
        public String toString() {
            return "SubscriberDto[id=" + id + ", state=" + state + "]";
        }
    }
}
