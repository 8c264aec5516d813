package io.dcb4j.centili.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.internal.Decimals;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.internal.Json;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.QueryString;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses Centili's payment-result notification: parameters {@code transactionid}, {@code phone},
 * {@code userid}, {@code country}, {@code mno}, {@code mnocode}, {@code amount}, {@code status}, sent in the
 * query string (GET), a form body or a JSON object body (POST). Parameter names are matched
 * case-insensitively. Thread-safe and immutable.
 *
 * <p>Event types: {@code success} gives {@code CHARGED} (or, with a {@code transactiontype} parameter,
 * {@code RENEWED} for RENEW, {@code SUBSCRIBED} for OPT_IN and SUB_START, {@code UNSUBSCRIBED} for OPT_OUT,
 * {@code REFUNDED} for REFUND); {@code failed} gives {@code CHARGE_FAILED} with {@code BILLING_FAILED};
 * {@code canceled} gives {@code CHARGE_FAILED} with {@code DENIED}; a notification without a status gives
 * {@code PAYMENT_COMPLETED} (query the transaction for the outcome); any other status gives {@code UNKNOWN}.
 * The event id is {@code centili:<transactionid>:<status>} (with the lower-case {@code transactiontype} before
 * the status when one is sent), the same for every redelivery.
 *
 * <p>Authenticity: Centili does not sign its notifications. Put a secret in the notification URL you give
 * Centili (for example {@code ?secret=...}) and configure it with {@link Builder#sharedSecret}; it is
 * compared in constant time and never appears in the event. {@link Builder#allowedSources} adds a source
 * address allow-list.
 */
public final class CentiliNotificationParser implements NotificationParser {

    private static final String PROVIDER = "centili";
    private static final String OPERATION = "parseNotification";
    /** The default query parameter that carries the shared secret. */
    public static final String DEFAULT_SECRET_PARAMETER = "secret";

    private final String sharedSecret;
    private final String secretParameter;
    private final Set<String> allowedSources;
    private final SourceAddressAllowList allowList;
    private final Currency defaultCurrency;

    private CentiliNotificationParser(Builder b) {
        this.sharedSecret = b.sharedSecret;
        this.secretParameter = b.secretParameter;
        this.allowedSources = Set.copyOf(b.allowedSources);
        this.allowList = allowedSources.isEmpty() ? null
                : SourceAddressAllowList.of(allowedSources.toArray(String[]::new));
        this.defaultCurrency = b.defaultCurrency;
    }

    /**
     * A parser without authenticity checks or default currency.
     *
     * @return the parser
     */
    public static CentiliNotificationParser create() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BillingEvent parse(InboundNotification notification) {
        PaymentNotification p = parsePayment(notification);
        String statusKey = p.rawStatus() == null ? "none" : p.rawStatus().strip().toLowerCase(Locale.ROOT);
        BillingEvent.Type type;
        FailureReason reason = null;
        PaymentStatus status = p.status();
        if (status == null) {
            type = BillingEvent.Type.PAYMENT_COMPLETED;
        } else {
            switch (status) {
                case SUCCESS -> type = successType(p.transactionType());
                case FAILED -> {
                    type = BillingEvent.Type.CHARGE_FAILED;
                    reason = FailureReason.BILLING_FAILED;
                }
                case CANCELED -> {
                    type = BillingEvent.Type.CHARGE_FAILED;
                    reason = FailureReason.DENIED;
                }
                default -> type = BillingEvent.Type.UNKNOWN;
            }
        }
        String typeKey = p.transactionType() == null ? ""
                : p.parameters().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("transactiontype"))
                        .map(e -> e.getValue().strip().toLowerCase(Locale.ROOT) + ":").findFirst().orElse("");
        BillingEvent.Builder b = BillingEvent.builder(PROVIDER, type,
                        "centili:" + p.transactionId() + ":" + typeKey + statusKey)
                .rawType(p.rawStatus())
                .charge(ChargeRef.of(p.transactionId()))
                .subscription(new SubscriptionRef(p.transactionId(), p.phone(), null))
                .msisdn(p.phone())
                .failureReason(reason)
                .rawParameters(p.parameters())
                .acknowledgement(Acknowledgement.ok("OK"));
        p.money().ifPresent(b::amount);
        return b.build();
    }

    private static BillingEvent.Type successType(TransactionType t) {
        if (t == null) {
            return BillingEvent.Type.CHARGED;
        }
        return switch (t) {
            case RENEW -> BillingEvent.Type.RENEWED;
            case OPT_IN, SUB_START -> BillingEvent.Type.SUBSCRIBED;
            case OPT_OUT -> BillingEvent.Type.UNSUBSCRIBED;
            case REFUND -> BillingEvent.Type.REFUNDED;
            default -> BillingEvent.Type.CHARGED;
        };
    }

    /**
     * Checks authenticity and reads the notification's parameters.
     *
     * @param notification the inbound request
     * @return the typed notification
     * @throws NotificationRejectedException when the shared secret or the source address does not match
     * @throws DcbProtocolException when {@code transactionid} is missing or {@code amount} or
     *     {@code currency} is malformed
     */
    public PaymentNotification parsePayment(InboundNotification notification) {
        Objects.requireNonNull(notification, "notification");
        ErrorContext context = ErrorContext.of(PROVIDER, OPERATION);
        if (allowList != null) {
            allowList.require(PROVIDER, notification);
        }
        if (sharedSecret != null) {
            NotificationSecurity.requireSharedSecret(PROVIDER, notification, secretParameter, sharedSecret);
        }
        Map<String, String> params = parameters(notification, context);
        if (sharedSecret != null) {
            params.keySet().removeIf(k -> k.equalsIgnoreCase(secretParameter));
        }
        String id = get(params, "transactionid");
        if (id == null) {
            throw new DcbProtocolException("notification without transactionid", context, null);
        }
        String rawAmount = get(params, "amount");
        BigDecimal amount = null;
        if (rawAmount != null) {
            try {
                amount = Decimals.parse(rawAmount);
            } catch (NumberFormatException e) {
                // not a number, or out of range (1e999999999)
                throw new DcbProtocolException("notification amount " + e.getMessage(), context, null);
            }
        }
        String currency = get(params, "currency");
        if (currency != null) {
            try {
                currency = Money.currency(currency).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                throw new DcbProtocolException("notification currency is not an ISO 4217 code", context, null);
            }
        } else if (defaultCurrency != null) {
            currency = defaultCurrency.getCurrencyCode();
        }
        String phone = get(params, "phone");
        String rawStatus = get(params, "status");
        String type = get(params, "transactiontype");
        return new PaymentNotification(id, phone != null && Msisdn.isValid(phone) ? Msisdn.of(phone) : null,
                get(params, "userid"), get(params, "country"), get(params, "mno"), get(params, "mnocode"), amount,
                currency, PaymentStatus.fromWire(rawStatus), rawStatus, TransactionType.fromWire(type), params);
    }

    private static Map<String, String> parameters(InboundNotification n, ErrorContext context) {
        Map<String, String> params = new LinkedHashMap<>(n.firstQueryValues());
        byte[] body = n.body();
        if (body.length == 0) {
            return params;
        }
        String contentType = n.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String text = n.bodyText().strip();
        if (contentType.contains("json") || text.startsWith("{")) {
            JsonNode tree = Json.treeOrNull(text);
            if (tree == null || !tree.isObject()) {
                throw new DcbProtocolException("notification body is not a JSON object", context, null);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                if (v != null && !v.isNull() && v.isValueNode()) {
                    params.putIfAbsent(f.getKey(), v.asText());
                }
            }
        } else if (contentType.isEmpty() || contentType.contains("x-www-form-urlencoded")
                || contentType.startsWith("text/plain")) {
            QueryString.parse(text).forEach((k, v) -> params.putIfAbsent(k, v.isEmpty() ? "" : v.get(0)));
        }
        return params;
    }

    private static String get(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Without the secret. */
    @Override
    public String toString() {
        return "CentiliNotificationParser[sharedSecret=" + (sharedSecret == null ? "none" : "***")
                + ", allowedSources=" + allowedSources.size() + ", defaultCurrency=" + defaultCurrency + "]";
    }

    /** Builds a {@link CentiliNotificationParser}. */
    public static final class Builder {
        private String sharedSecret;
        private String secretParameter = DEFAULT_SECRET_PARAMETER;
        private final Set<String> allowedSources = new LinkedHashSet<>();
        private Currency defaultCurrency;

        private Builder() {
        }

        /**
         * Requires a shared secret in a query parameter of the notification URL.
         *
         * @param secret the secret, or null for no check
         * @return this builder
         */
        public Builder sharedSecret(String secret) {
            this.sharedSecret = secret == null || secret.isEmpty() ? null : secret;
            return this;
        }

        /**
         * The query parameter holding the shared secret; {@value CentiliNotificationParser#DEFAULT_SECRET_PARAMETER} by default.
         *
         * @param parameter the parameter name
         * @return this builder
         */
        public Builder secretParameter(String parameter) {
            if (parameter == null || parameter.isBlank()) {
                throw new IllegalArgumentException("secret parameter name is required");
            }
            this.secretParameter = parameter;
            return this;
        }

        /**
         * Accepts notifications only from these addresses (compared with {@link
         * InboundNotification#remoteAddress()} as in {@link SourceAddressAllowList}); empty accepts any.
         *
         * @param addresses IP addresses or CIDR blocks such as {@code 203.0.113.0/24}
         * @return this builder
         */
        public Builder allowedSources(Collection<String> addresses) {
            allowedSources.clear();
            addresses.forEach(a -> allowedSources.add(Objects.requireNonNull(a, "address").strip()));
            return this;
        }

        /**
         * The currency of {@code amount} when the notification has no {@code currency} parameter.
         *
         * @param currency the currency, or null to leave amounts without currency
         * @return this builder
         */
        public Builder defaultCurrency(Currency currency) {
            this.defaultCurrency = currency;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public CentiliNotificationParser build() {
            return new CentiliNotificationParser(this);
        }
    }
}
