package io.dcb4j.centili.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.CallbackParameters;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.ConfigChecks;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses Centili's payment-result notification: parameters {@code transactionid}, {@code phone},
 * {@code userid}, {@code country}, {@code mno}, {@code mnocode}, {@code amount}, {@code status}, sent in the
 * query string (GET), a form body or a JSON object body (POST). Parameter names are matched
 * case-insensitively. A parameter given twice with different values (in the query, the body, or one in
 * each; or a JSON key repeated in one object) is a {@link NotificationRejectedException}, never a guess;
 * identical repeats are one value. Thread-safe and immutable.
 *
 * <p>{@code amount} is not money: Centili's payment-result notification documents it as "Integer, quantity
 * of purchased virtual goods". It is read as {@link PaymentNotification#quantity()}, the event has no
 * {@link BillingEvent#amount()}, and the raw text stays in {@link BillingEvent#rawParameters()}. What was
 * charged is the transaction's {@code item.price} and {@code item.currency}: query the transaction (or
 * {@code charges().status}) for it.
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
 * Centili (for example {@code ?secret=...}) and configure it with {@link Builder#sharedSecret} (or the client
 * builder's {@code notificationSecret}, which builds the client's parser); it is
 * compared in constant time and never appears in the event. {@link Builder#allowedSources} adds a source
 * address allow-list. A blank secret, parameter name or allow-list is a {@link ConfigurationException} when
 * the parser is built, never a check turned off.
 */
public final class CentiliNotificationParser implements NotificationParser {

    private static final String PROVIDER = "centili";
    private static final String OPERATION = "parseNotification";
    /** The default query parameter that carries the shared secret. */
    public static final String DEFAULT_SECRET_PARAMETER = "secret";

    private final String sharedSecret;
    private final String secretParameter;
    private final SourceAddressAllowList allowList;

    private CentiliNotificationParser(Builder b) {
        this.sharedSecret = b.sharedSecret;
        this.secretParameter = b.secretParameter;
        this.allowList = b.allowList;
    }

    /**
     * A parser without authenticity checks.
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
                : value(p.parameters(), "transactiontype").toLowerCase(Locale.ROOT) + ":";
        BillingEvent.Builder b = BillingEvent.builder(PROVIDER, type,
                        "centili:" + p.transactionId() + ":" + typeKey + statusKey)
                .rawType(p.rawStatus())
                .charge(ChargeRef.of(p.transactionId()))
                .subscription(new SubscriptionRef(p.transactionId(), p.phone(), null))
                .msisdn(p.phone())
                .failureReason(reason)
                .rawParameters(p.parameters())
                .acknowledgement(Acknowledgement.ok("OK"));
        // no amount(): Centili's amount is a quantity of goods, not money (see the class description)
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
     * @throws NotificationRejectedException when the shared secret or the source address does not match, or
     *     a parameter is given twice with different values
     * @throws DcbProtocolException when {@code transactionid} is missing or {@code amount} is not a plain
     *     non-negative number
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
        CallbackParameters params = parameters(notification, context);
        if (sharedSecret != null) {
            params = params.without(secretParameter);
        }
        CallbackParameters byName = params;
        String id = value(byName, "transactionid");
        if (id == null) {
            throw new DcbProtocolException("notification without transactionid", context, null);
        }
        BigDecimal quantity = quantity(value(byName, "amount"), context);
        String phone = value(byName, "phone");
        String rawStatus = value(byName, "status");
        String type = value(byName, "transactiontype");
        return new PaymentNotification(id, phone == null ? null : msisdnOrNull(phone),
                value(byName, "userid"), value(byName, "country"), value(byName, "mno"), value(byName, "mnocode"),
                quantity, PaymentStatus.fromWire(rawStatus), rawStatus, TransactionType.fromWire(type), params);
    }

    private static Msisdn msisdnOrNull(String phone) {
        try {
            return Msisdn.of(phone);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code amount} parameter: a quantity of goods, a plain non-negative number. */
    private static BigDecimal quantity(String raw, ErrorContext context) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > 40 || !isQuantity(raw)) {
            throw new DcbProtocolException("notification amount is not a plain non-negative number (it is a "
                    + "quantity of virtual goods)", context, null);
        }
        return new BigDecimal(raw);
    }

    /**
     * Whether the text is a plain, bounded, non-negative number: Centili documents a whole number, and an
     * integration that writes {@code 5.0} or {@code 1.5} is kept as sent; exponents ({@code 1e999999999}) and
     * signs are refused. That is the regular expression {@code \\d{1,18}(\\.\\d{0,18})?} (ASCII digits), read
     * without a matcher.
     */
    static boolean isQuantity(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n && isDigit(raw.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (raw.charAt(i) != '.') {
            return false;
        }
        int fraction = ++i;
        while (i < n && isDigit(raw.charAt(i))) {
            i++;
        }
        return i == n && i - fraction <= 18;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The query and body parameters, one value each; differing repeats are refused. */
    private static CallbackParameters parameters(InboundNotification n, ErrorContext context) {
        CallbackParameters.Builder params = CallbackParameters.builder(PROVIDER).query(n);
        String text = n.bodyText();
        if (text.isEmpty()) {
            return params.build(); // query only
        }
        String contentType = n.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        text = text.strip();
        if (contentType.contains("json") || text.startsWith("{")) {
            n.requireUnambiguousJsonBody(PROVIDER);
            JsonNode tree = Json.treeOrNull(text);
            if (tree == null || !tree.isObject()) {
                throw new DcbProtocolException("notification body is not a JSON object", context, null);
            }
            Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v != null && !v.isNull() && v.isValueNode()) {
                    params.add(f.getKey(), v.asText());
                }
            }
        } else if (contentType.isEmpty() || contentType.contains("x-www-form-urlencoded")
                || contentType.startsWith("text/plain")) {
            params.form(text);
        }
        return params.build();
    }

    /** A parameter's stripped value, its lower-case name in any case; null when absent or blank. */
    private static String value(Map<String, String> params, String name) {
        String v = null;
        if (params instanceof CallbackParameters p) {
            v = p.valueOr(name, null);
        } else {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                    v = e.getValue();
                }
            }
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Without the secret. */
    @Override
    public String toString() {
        return "CentiliNotificationParser[sharedSecret=" + (sharedSecret == null ? "none" : "***")
                + ", allowedSources=" + (allowList == null ? "any" : "listed") + "]";
    }

    /** Builds a {@link CentiliNotificationParser}. */
    public static final class Builder {
        private String sharedSecret;
        private String secretParameter = DEFAULT_SECRET_PARAMETER;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * Requires a shared secret in a query parameter of the notification URL.
         *
         * @param secret the secret, or null for no check
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the secret is blank (an empty
         *     environment variable does not turn the check off)
         */
        public Builder sharedSecret(String secret) {
            this.sharedSecret = ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", secret);
            return this;
        }

        /**
         * The query parameter holding the shared secret; {@value CentiliNotificationParser#DEFAULT_SECRET_PARAMETER} by default.
         *
         * @param parameter the parameter name
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret-parameter} when null or blank
         */
        public Builder secretParameter(String parameter) {
            if (parameter == null) {
                throw new ConfigurationException(PROVIDER, "notification-secret-parameter", "is required");
            }
            ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret-parameter", parameter);
            this.secretParameter = parameter;
            return this;
        }

        /**
         * Accepts notifications only from these addresses (compared with {@link
         * InboundNotification#remoteAddress()} as in {@link SourceAddressAllowList}).
         *
         * @param addresses IP addresses or CIDR blocks such as {@code 203.0.113.0/24} (entries may be
         *     comma-separated); null accepts any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed (an empty list never means "accept any"), or an entry is not an address or block
         */
        public Builder allowedSources(Collection<String> addresses) {
            this.allowList = ConfigChecks.allowList(PROVIDER, "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * Accepts notifications only from the addresses of this allow-list (as {@link #allowedSources}, from an
         * allow-list already parsed).
         *
         * @param allowList the allow-list
         * @return this builder
         */
        public Builder allowList(SourceAddressAllowList allowList) {
            this.allowList = Objects.requireNonNull(allowList, "allowList");
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
