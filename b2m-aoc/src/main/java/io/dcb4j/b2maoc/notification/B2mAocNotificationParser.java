package io.dcb4j.b2maoc.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.b2maoc.internal.B2mAocMapper;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.spi.support.Digests;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.json.JsonFields;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.CallbackParameters;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.QueryString;
import io.dcb4j.core.notification.SourceAddressAllowList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what the B2M AOC gateway sends back to the service. Thread-safe and immutable.
 *
 * <ul>
 *   <li><b>The browser return</b>: after the consent page, the subscriber's browser comes back to the service's
 *       redirect URL with {@code ?aocTransID=...}. This is not a server-to-server call and proves nothing: it
 *       becomes {@link BillingEvent.Type#PAYMENT_COMPLETED} with {@link BillingEvent#charge()} set; call
 *       {@code chargeStatus} for the outcome.</li>
 *   <li><b>The subscription callback</b> {@code {subscriptionID, msisdn, status}} (JSON body, form body or
 *       query parameters): {@code status} {@code unsubscribed} (also {@code cancelled}, {@code expired}) is
 *       {@link BillingEvent.Type#UNSUBSCRIBED}; {@code subscribed} is SUBSCRIBED, {@code renewed} RENEWED,
 *       {@code charged} CHARGED, {@code denied}/{@code failed} CHARGE_FAILED, anything else UNKNOWN. The
 *       event's subscription id is the callback's {@code spTransID} when it carries one, else its
 *       {@code subscriptionID}.</li>
 * </ul>
 *
 * <p>The gateway does not sign callbacks. When a shared secret is configured ({@link Builder#secret}),
 * subscription callbacks must carry it as a query parameter of the callback URL (compared in constant time);
 * when an allow-list is configured, every notification must come from an allowed address. Browser returns are
 * never checked for the secret (it would be visible in the browser); they carry no outcome to trust. A blank
 * secret or parameter name is a {@link io.dcb4j.core.error.ConfigurationException} when it is set, never a
 * check turned off. Made by {@link #create()} (no checks) or {@link #builder()}; the client's parser is
 * configured by its builder.
 *
 * <p>Parameters come from the query and the body (JSON object or form), names in any case and without
 * surrounding spaces; a parameter given twice with different values (in one place or across them, or a
 * JSON key repeated in one object) is a {@link io.dcb4j.core.error.NotificationRejectedException}, never a
 * guess. Identical repeats are one value.
 *
 * <p>Event ids are stable across redeliveries: {@code b2m-aoc:return:<aocTransID>} for returns, and
 * {@code b2m-aoc:<status>:<id>:<hash>} for callbacks, where the hash covers the MSISDN so that no full
 * MSISDN appears in the id.
 */
public final class B2mAocNotificationParser implements NotificationParser {

    /** The provider id. */
    public static final String PROVIDER = "b2m-aoc";

    /** The default query parameter that carries the shared secret. */
    public static final String DEFAULT_SECRET_PARAMETER = "secret";

    private static final Pattern RETURN_ID = Pattern.compile("(?i)[?&]aoctransid=([^&#?]*)");
    private static final Acknowledgement ACK = Acknowledgement.okJson(
            "{\"status\":true,\"errors\":false,\"message\":\"received\",\"data\":{}}");

    private final String secret;
    private final String secretParameter;
    private final SourceAddressAllowList allowList;

    private B2mAocNotificationParser(Builder b) {
        this.secret = b.secret;
        this.secretParameter = b.secretParameter;
        this.allowList = b.allowList;
    }

    /**
     * A parser without authenticity checks.
     *
     * @return the parser
     */
    public static B2mAocNotificationParser create() {
        return builder().build();
    }

    /**
     * Starts a builder: no secret, the parameter {@value #DEFAULT_SECRET_PARAMETER}, any source address.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code aocTransID} from the URL the subscriber's browser came back to. Tolerates any casing
     * of the parameter name and a second {@code ?} (the gateway appends {@code ?aocTransID=} even when the
     * service's URL already has a query).
     *
     * @param returnUrl the full URL, or a path with query
     * @return the id, empty when absent or blank
     * @throws io.dcb4j.core.error.NotificationRejectedException when the URL names different ids
     */
    public static Optional<AocTransactionId> aocTransIdFromReturnUrl(String returnUrl) {
        if (returnUrl == null) {
            return Optional.empty();
        }
        Matcher m = RETURN_ID.matcher(returnUrl);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            String v = B2mAocMapper.blankToNull(QueryString.decode(m.group(1)));
            if (v != null) {
                ids.add(v);
            }
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // one id, however often it is repeated: two different ids are refused like any ambiguous parameter
        return Optional.of(AocTransactionId.of(QueryString.singleValues(PROVIDER, true,
                List.of(Map.of("aocTransID", ids))).get("aocTransID")));
    }

    @Override
    public BillingEvent parse(InboundNotification notification) {
        if (allowList != null) {
            allowList.require(PROVIDER, notification);
        }
        CallbackParameters params = parameters(notification);
        // one entry per name in any case (parameters() refused differing repeats), looked up in any case
        CallbackParameters named = params;
        String status = B2mAocMapper.blankToNull(named.valueOr("status", null));
        String aocTransId = B2mAocMapper.blankToNull(named.valueOr("aocTransID", null));
        if (status == null && aocTransId != null) {
            return BillingEvent.builder(PROVIDER, BillingEvent.Type.PAYMENT_COMPLETED, PROVIDER + ":return:" + aocTransId)
                    .rawType("return")
                    .charge(ChargeRef.of(aocTransId))
                    .rawParameters(params)
                    .acknowledgement(Acknowledgement.ok("OK"))
                    .build();
        }
        if (status == null) {
            throw protocol("neither aocTransID (browser return) nor status (subscription callback) present");
        }
        if (secret != null) {
            NotificationSecurity.requireSharedSecret(PROVIDER, notification, secretParameter, secret);
        }
        String spTransId = B2mAocMapper.blankToNull(named.valueOr("spTransID", null));
        String subscriptionId = B2mAocMapper.blankToNull(named.valueOr("subscriptionID", null));
        String id = spTransId != null ? spTransId : subscriptionId;
        if (id == null) {
            throw protocol("subscription callback without subscriptionID");
        }
        String rawMsisdn = B2mAocMapper.blankToNull(named.valueOr("msisdn", null));
        Msisdn msisdn = null;
        if (rawMsisdn != null) {
            msisdn = B2mAocMapper.msisdnOrNull(rawMsisdn);
            if (msisdn == null) {
                throw protocol("subscription callback with a malformed msisdn");
            }
        }
        BillingEvent.Type type = typeOf(status);
        String lowerStatus = status.toLowerCase(Locale.ROOT);
        String eventId = PROVIDER + ":" + lowerStatus + ":" + id + ":"
                + hash(lowerStatus + "|" + id + "|" + (msisdn == null ? "" : msisdn.digits()));
        BillingEvent.Builder b = BillingEvent.builder(PROVIDER, type, eventId)
                .rawType(status)
                .subscription(new SubscriptionRef(id, msisdn, null))
                .msisdn(msisdn)
                .rawParameters(params)
                .acknowledgement(ACK);
        if (aocTransId != null) {
            b.charge(ChargeRef.of(aocTransId));
        }
        return b.build();
    }

    private static BillingEvent.Type typeOf(String status) {
        String s = status.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        return switch (s) {
            case "unsubscribed", "unsubscribe", "cancelled", "canceled", "deactivated", "expired" ->
                    BillingEvent.Type.UNSUBSCRIBED;
            case "subscribed", "subscribe", "active", "activated" -> BillingEvent.Type.SUBSCRIBED;
            case "renewed", "renew" -> BillingEvent.Type.RENEWED;
            case "charged" -> BillingEvent.Type.CHARGED;
            case "denied", "failed" -> BillingEvent.Type.CHARGE_FAILED;
            default -> BillingEvent.Type.UNKNOWN;
        };
    }

    /**
     * Query parameters and body fields (JSON object or form), one value each, keys as received but stripped;
     * differing repeats refused; secret removed.
     */
    private CallbackParameters parameters(InboundNotification n) {
        CallbackParameters.Builder params = CallbackParameters.builder(PROVIDER).query(n);
        String bodyText = n.bodyText();
        if (!bodyText.isEmpty()) {
            String text = bodyText.strip();
            String type = n.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.contains("json") || text.startsWith("{") || text.startsWith("[")) {
                n.requireUnambiguousJsonBody(PROVIDER);
                JsonNode tree = Json.treeOrNull(text);
                if (tree == null || !tree.isObject()) {
                    throw protocol("callback body is not a JSON object");
                }
                Map<String, List<String>> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : tree.properties()) {
                    // padded variants of one key (" msisdn " and "msisdn") are one parameter
                    JsonFields.text(e.getValue()).ifPresent(
                            v -> fields.computeIfAbsent(e.getKey().strip(), k -> new ArrayList<>()).add(v));
                }
                params.add(fields);
            } else if (!text.isEmpty()) {
                params.form(text);
            }
        }
        return params.build().without(secretParameter);
    }

    private static DcbProtocolException protocol(String what) {
        return new DcbProtocolException(what, ErrorContext.of(PROVIDER, "parseNotification"), null);
    }

    private static String hash(String s) {
        return Digests.sha256Hex(s, 8);
    }

    /** Neither the secret nor the allow-list. */
    @Override
    public String toString() {
        return "B2mAocNotificationParser[secret=" + (secret == null ? "none" : "***") + ", allowList="
                + (allowList != null) + "]";
    }

    /** Builds a {@link B2mAocNotificationParser}. Not thread-safe. */
    public static final class Builder {
        private String secret;
        private String secretParameter = DEFAULT_SECRET_PARAMETER;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * The shared secret subscription callbacks must carry as a query parameter of their URL.
         *
         * @param secret the secret, or null for no check
         * @return this builder
         * @throws io.dcb4j.core.error.ConfigurationException naming {@code notification-secret} when blank (an
         *     empty environment variable does not turn the check off)
         */
        public Builder secret(String secret) {
            this.secret = ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", secret);
            return this;
        }

        /**
         * The query parameter holding the shared secret; {@value B2mAocNotificationParser#DEFAULT_SECRET_PARAMETER} by default.
         *
         * @param parameter the parameter name, or null for the default
         * @return this builder
         * @throws io.dcb4j.core.error.ConfigurationException naming {@code notification-secret-parameter} when
         *     blank
         */
        public Builder secretParameter(String parameter) {
            this.secretParameter = parameter == null ? DEFAULT_SECRET_PARAMETER
                    : ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret-parameter", parameter).strip();
            return this;
        }

        /**
         * The addresses notifications may come from.
         *
         * @param allowList the allow-list, or null for any address
         * @return this builder
         */
        public Builder allowedSources(SourceAddressAllowList allowList) {
            this.allowList = allowList;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public B2mAocNotificationParser build() {
            return new B2mAocNotificationParser(this);
        }
    }
}
