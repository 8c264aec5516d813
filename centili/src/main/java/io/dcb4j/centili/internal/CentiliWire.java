package io.dcb4j.centili.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Centili's JSON shapes, as the document shows them, as nested records (the error body is read as a tree by
 * {@link CentiliErrorMapper}). Internal.
 */
public final class CentiliWire {

    private CentiliWire() {
    }

    /** The start body. */
    public record StartBody(
            UserIdentifierDto userIdentifier,
            String price,
            Boolean wap,
            String serviceKey,
            ClientDataDto clientData,
            List<String> params) {
    }

    /** {@code userIdentifier}. */
    public record UserIdentifierDto(String country, String imsi, String msisdn, String operator, String identId) {
        @Override
        public String toString() {
            return "UserIdentifierDto[...]";
        }
    }

    /** {@code clientData}, request and answer. */
    public record ClientDataDto(
            String clientUserId,
            PageCustomizationDto pageCustomization,
            String clientReference,
            @JsonProperty("returnURL") @JsonAlias({"returnUrl"}) String returnURL) {
    }

    /** {@code clientData.pageCustomization}. */
    public record PageCustomizationDto(String itemName, String designId, String language) {
    }

    /** The start answer; the action arrives as {@code action} or {@code operation}. */
    public record StartAnswer(
            String transactionType,
            String country,
            JsonNode action,
            JsonNode operation,
            ClientDataDto clientData,
            String msisdn,
            String transactionId,
            String operator) {
        @Override
        public String toString() {
            return "StartAnswer[transactionId=" + transactionId + "]";
        }
    }

    /** The action object. */
    public record ActionDto(
            SimtchaDto simtcha,
            String userInstruction,
            String urlRedirect,
            String type,
            String shortcode,
            String keyword,
            String urlReturn) {
    }

    /** {@code action.simtcha}. */
    public record SimtchaDto(@JsonProperty("imageURL") @JsonAlias({"imageUrl"}) String imageURL,
            List<AnswerDto> answers) {
    }

    /** One simtcha answer. */
    public record AnswerDto(String answerId, @JsonAlias({"imageURL"}) String imageUrl) {
    }

    /** The PIN body. */
    public record PinBody(String pin) {
        @Override
        public String toString() {
            return "PinBody[pin=***]";
        }
    }

    /** The answer to PIN and release. */
    public record UpdateAnswer(ClientDataDto clientData, String transactionId) {
    }

    /** The transaction query answer. */
    public record TransactionDto(
            String transactionType,
            String country,
            ItemDto item,
            String notificationStatus,
            String subscriber,
            String timeCharged,
            String transactionStatus,
            ClientDataDto clientData,
            String serviceKey,
            String error,
            String transactionId,
            String operator) {
        @Override
        public String toString() {
            return "TransactionDto[transactionId=" + transactionId + "]";
        }
    }

    /** {@code item}; numbers kept as text and parsed tolerantly. */
    public record ItemDto(String amount, String price, String name, String currency) {
    }

    /** The OAuth2 token answer (Keycloak); lifetimes as text, read by the token source whatever their size. */
    public record TokenAnswer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") String expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_expires_in") String refreshExpiresIn,
            @JsonProperty("token_type") String tokenType) {
        @Override
        public String toString() {
            return "TokenAnswer[***]";
        }
    }
}
