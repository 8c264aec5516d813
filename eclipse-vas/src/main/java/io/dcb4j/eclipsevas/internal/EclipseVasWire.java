package io.dcb4j.eclipsevas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** Eclipse wire DTOs (Jackson records). Internal. */
public final class EclipseVasWire {

    private EclipseVasWire() {
    }

    /** Login body. */
    public record LoginBody(String identity, String password) {
        @Override
        public String toString() {
            return "LoginBody[***]";
        }
    }

    /** Login answer; {@code expiresEpochSecs} as text, read by the token source whatever its size. */
    public record LoginAnswer(String headerName, String headerValue, String expires, String expiresEpochSecs,
            Long tenantId, String sessionId) {
        @Override
        public String toString() {
            return "LoginAnswer[headerName=" + headerName + ", expires=" + expires + ", tenantId=" + tenantId + "]";
        }
    }

    /** An {@code {id, value}} pair. */
    public record FieldValue(String id, String value) {
    }

    /** Payment initiation body. */
    public record PaymentBody(List<FieldValue> additionalFields, String landingUrl, String callbackUrl,
            String externalUniqueId, String paymentData, String type, String currency, Long walletId,
            BigDecimal amount, String description, String phone, Boolean customFraudChecks) {
    }

    /** Payment update body. */
    public record UpdateBody(BigDecimal amount, Long walletId, String landingUrl, String externalUniqueId) {
    }

    /** A catalogue product's additional field. */
    public record ProductFieldDto(String id, String title, String type, String regex, String defaultValue) {
    }

    /** A catalogue product. */
    public record ProductDto(Integer partnerId, String productId, String productName, String productTypeName,
            String productCategory, String productDescription, BigDecimal fixedPriceIncl, Boolean pinnedProduct,
            List<ProductFieldDto> additionalFields) {
    }

    /** A catalogue partner. */
    public record PartnerDto(Integer partnerId, String partnerName, Integer providerId, List<ProductDto> products) {
    }

    /** A payment. */
    public record PaymentDto(Long paymentId, String externalUniqueId, String status, BigDecimal amount,
            BigDecimal fee, String currency, String description, List<FieldValue> additionalFields,
            List<JsonNode> acceptedCardSchemes, List<JsonNode> acceptedPaymentMechanisms, String phone,
            String cardPhone, String paymentType, String errorDescription, String created, String lastModified,
            JsonNode extraInfo, JsonNode paymentInstrumentInfo, String paymentReference, Long walletId,
            Long customerId, String gatewayTransactionId, JsonNode paymentTerminalData) {
    }
}
