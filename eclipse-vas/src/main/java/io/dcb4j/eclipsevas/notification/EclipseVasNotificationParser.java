package io.dcb4j.eclipsevas.notification;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.eclipsevas.internal.EclipseVasMapper;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.PaymentDto;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses the payment-result callback Eclipse POSTs to a payment's {@code callbackUrl}: a JSON payment (the
 * shape of {@code GET .../payments/{paymentId}}). When a key is configured the body must carry a valid
 * {@value #SIGNATURE_HEADER} header: HMAC-SHA256 of the raw body with the tenant's key, hex or Base64
 * (optionally prefixed {@code sha256=}); otherwise the callback is rejected. A blank key is a {@link
 * io.dcb4j.core.error.ConfigurationException} when it is set, never "unsigned callbacks accepted".
 * A body that gives a key twice in one object with different values is rejected as well, whatever the
 * signature: the parser never picks one of them.
 *
 * <p>Made by {@link #builder()} (signing key, source addresses) or {@link #create()} (no checks); a client's
 * parser, with the client builder's settings, is {@link io.dcb4j.eclipsevas.EclipseVasClient#notificationParser()}.
 *
 * <table>
 *   <caption>Event mapping</caption>
 *   <tr><th>status</th><th>event</th></tr>
 *   <tr><td>{@code SUCCESSFUL}</td><td>{@code CHARGED}</td></tr>
 *   <tr><td>{@code ERROR}</td><td>{@code CHARGE_FAILED}, reason from {@code errorDescription} (insufficient
 *   funds, barred, limit, unknown subscriber), else {@code BILLING_FAILED}</td></tr>
 *   <tr><td>{@code CANCELLED}</td><td>{@code CHARGE_FAILED}, reason {@code DENIED}</td></tr>
 *   <tr><td>{@code EXPIRED}</td><td>{@code CHARGE_FAILED}, reason {@code OTHER}</td></tr>
 *   <tr><td>absent</td><td>{@code PAYMENT_COMPLETED}: query the payment for the outcome</td></tr>
 *   <tr><td>{@code PENDING} or unknown</td><td>{@code UNKNOWN}, raw status kept</td></tr>
 * </table>
 *
 * <p>The event id is {@code <paymentId>:<status>}: every delivery of the same result has the same id. Thread-safe.
 */
public final class EclipseVasNotificationParser implements NotificationParser {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "Eclipse-Signature";

    private static final String PROVIDER = "eclipse-vas";

    private final String hmacKey;
    private final SourceAddressAllowList allowList;

    private EclipseVasNotificationParser(Builder b) {
        this.hmacKey = b.secret;
        this.allowList = b.allowList;
    }

    /**
     * A parser without settings: unsigned callbacks from any source are accepted.
     *
     * @return the parser
     */
    public static EclipseVasNotificationParser create() {
        return builder().build();
    }

    /**
     * Starts a builder for a parser that checks signatures, source addresses or both.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether callbacks must be signed.
     *
     * @return true when a key is configured
     */
    public boolean verifiesSignatures() {
        return hmacKey != null;
    }

    @Override
    public BillingEvent parse(InboundNotification notification) {
        ErrorContext context = ErrorContext.of(PROVIDER, "parseNotification");
        byte[] body = notification.body();
        if (allowList != null) {
            allowList.require(PROVIDER, notification);
        }
        if (hmacKey != null) {
            Optional<String> signature = notification.header(SIGNATURE_HEADER);
            if (signature.isEmpty() || signature.get().isBlank()) {
                throw new NotificationRejectedException(SIGNATURE_HEADER + " header missing or blank", context, null);
            }
            if (!NotificationSecurity.hmacSha256Matches(hmacKey, body, signature.get())) {
                throw new NotificationRejectedException(SIGNATURE_HEADER + " does not match the body", context, null);
            }
        }
        PaymentDto dto = notification.readJsonBody(PROVIDER, PaymentDto.class, context);
        Payment payment = EclipseVasMapper.payment(dto, context);
        if (payment == null) {
            throw new DcbProtocolException("callback has no paymentId", context, null);
        }
        String raw = payment.rawStatus();
        BillingEvent.Type type;
        FailureReason reason = null;
        if (raw == null || raw.isBlank()) {
            type = BillingEvent.Type.PAYMENT_COMPLETED;
        } else {
            PaymentStatus status = payment.status();
            switch (status) {
                case SUCCESSFUL -> type = BillingEvent.Type.CHARGED;
                case ERROR -> {
                    type = BillingEvent.Type.CHARGE_FAILED;
                    reason = EclipseVasMapper.failureReason(payment);
                }
                case CANCELLED -> {
                    type = BillingEvent.Type.CHARGE_FAILED;
                    reason = FailureReason.DENIED;
                }
                case EXPIRED -> {
                    type = BillingEvent.Type.CHARGE_FAILED;
                    reason = FailureReason.OTHER;
                }
                default -> type = BillingEvent.Type.UNKNOWN;
            }
        }
        String statusKey = raw == null || raw.isBlank() ? "COMPLETED" : raw.strip().toUpperCase(Locale.ROOT);
        Map<String, String> rawParameters = EclipseVasMapper.flatten(Json.treeOrNull(notification.bodyText()));
        Instant occurredAt = EclipseVasMapper.instant("lastModified", dto.lastModified(), context);
        BillingEvent.Builder b = BillingEvent.builder(PROVIDER, type, payment.paymentId() + ":" + statusKey)
                .rawType(raw)
                .charge(ChargeRef.of(Long.toString(payment.paymentId())))
                .occurredAt(occurredAt != null ? occurredAt : payment.created())
                .failureReason(reason)
                .rawParameters(rawParameters);
        payment.money().ifPresent(b::amount);
        msisdn(payment).ifPresent(b::msisdn);
        return b.build();
    }

    private static Optional<Msisdn> msisdn(Payment payment) {
        Optional<Msisdn> phone = msisdnIfValid(payment.phone());
        return phone.isPresent() ? phone : msisdnIfValid(payment.additionalField("msisdn").orElse(null));
    }

    /** The MSISDN of the text, read once; empty when absent or not a phone number. */
    private static Optional<Msisdn> msisdnIfValid(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Msisdn.of(candidate));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "EclipseVasNotificationParser[signed=" + verifiesSignatures() + "]";
    }

    /** Settings of an {@link EclipseVasNotificationParser}; leave one out to go without that check. */
    public static final class Builder {
        private String secret;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * The tenant's callback signing key: callbacks without a valid {@value #SIGNATURE_HEADER} are rejected.
         *
         * @param key the key; never logged
         * @return this builder
         * @throws io.dcb4j.core.error.ConfigurationException naming {@code notification-secret} when the key is
         *     blank (an empty environment variable does not turn signature checks off)
         */
        public Builder secret(String key) {
            Objects.requireNonNull(key, "key");
            this.secret = ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", key);
            return this;
        }

        /**
         * Accepts callbacks only from these source addresses.
         *
         * @param allowList Eclipse's addresses or CIDR blocks
         * @return this builder
         */
        public Builder allowedSources(SourceAddressAllowList allowList) {
            this.allowList = Objects.requireNonNull(allowList, "allowList");
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public EclipseVasNotificationParser build() {
            return new EclipseVasNotificationParser(this);
        }
    }
}
