package io.dcb4j.infomedia.notification;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.spi.support.Digests;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.CallbackParameters;
import io.dcb4j.infomedia.model.InfomediaWebhook;
import io.dcb4j.infomedia.model.TransactionStatus;
import io.dcb4j.infomedia.model.WebhookType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Infomedia's webhooks: GET requests to the merchant's URL with
 * {@code ?msisdn|mx=..&mcc=..&mnc=..&productid=..&etid=..&pt=..&success=..} and, for charges,
 * {@code chargeAmount}, {@code currencyCode}, {@code productDescription}, {@code transactionStatus},
 * {@code txid}. A form-encoded POST body is read the same way. Parameter names are matched
 * case-insensitively. A parameter given twice with different values ({@code etid=1&etid=2}, in any case)
 * is a {@link NotificationRejectedException}, never a guess; identical repeats are one value. Immutable and
 * thread-safe.
 *
 * <p>Event types ({@code etid}): 1 SUBSCRIBED (UNKNOWN when {@code success=0}: no subscription was made), 2
 * UNSUBSCRIBED, 3 REACTIVATED, 5 CHARGED or CHARGE_FAILED by {@code transactionStatus} (by {@code success}
 * when that is missing; see {@link TransactionStatus} for the failure reasons), 24 SUSPENDED, 25
 * UNSUSPENDED, 31 REFUNDED, any other UNKNOWN.
 *
 * <p>Infomedia's own document shows a charge webhook where {@code &currencyCode} was mangled into
 * {@code ¤cyCode} (the HTML entity {@code &curren} rendered as {@code ¤}); that form is repaired: the amount
 * and the currency are both read.
 *
 * <p>Authenticity: Infomedia does not sign webhooks. Put a secret in the webhook URL you register
 * ({@code ...?secret=...}) and configure it with {@link Builder#sharedSecret}: it is then required and
 * compared in constant time; optionally restrict the sender addresses with {@link Builder#allowedSources}.
 * A blank secret or address list is a {@link ConfigurationException} when the parser is built.
 *
 * <p>Event ids: Infomedia sends no event id or timestamp, so {@link BillingEvent#eventId()} is a digest of
 * the parameters: the same for every delivery of one webhook (whatever the parameter order or encoding).
 * Two genuinely separate events with identical parameters (the same subscriber subscribing twice to the
 * same product with the same {@code pt}) share an id, so keep de-duplication records for a bounded time
 * (a day, say) rather than forever. Charges and refunds carry {@code txid}, which makes their ids unique.
 */
public final class InfomediaNotificationParser implements NotificationParser {

    /** The provider id. */
    public static final String PROVIDER = "infomedia";

    /** The default name of the shared-secret query parameter. */
    public static final String DEFAULT_SECRET_PARAMETER = "secret";

    /** The default currency of charges whose {@code currencyCode} is missing: UAE dirham. */
    public static final String DEFAULT_CURRENCY = "AED";

    private static final Pattern MANGLED_CURRENCY = Pattern.compile("\u00C2?\u00A4cyCode=");
    private static final String MANGLED_KEY = "\u00A4cyCode";

    private final String secretParameter;
    private final String secret;
    private final SourceAddressAllowList allowList;
    private final Currency defaultCurrency;
    /** The line order of the last event id: a cache, never part of the parser's behaviour. */
    private volatile LineOrder lastOrder;

    private InfomediaNotificationParser(Builder b) {
        this.secretParameter = b.secretParameter;
        this.secret = b.secret;
        this.allowList = b.allowList;
        this.defaultCurrency = b.defaultCurrency;
    }

    /**
     * A parser without authenticity checks and with AED as the default currency.
     *
     * @return the parser
     */
    public static InfomediaNotificationParser create() {
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

    /**
     * Parses a webhook into Infomedia's typed form, after the authenticity checks.
     *
     * @param notification the inbound request
     * @return the webhook
     * @throws NotificationRejectedException when the shared secret or the sender address is wrong, or a
     *     parameter is given twice with different values
     * @throws DcbProtocolException when {@code etid} or the subscriber is missing, or a value is malformed
     */
    public InfomediaWebhook parseWebhook(InboundNotification notification) {
        CallbackParameters params = parameters(notification);
        checkAuthenticity(notification, params);
        if (secret != null) {
            params = params.without(secretParameter);
        }
        ErrorContext ctx = ErrorContext.of(PROVIDER, "parseNotification");
        // one value per name in any case (parameters() refused differing repeats), looked up in any case
        CallbackParameters ci = params;

        String etid = blankToNull(ci.valueOr("etid", null));
        if (etid == null) {
            throw new DcbProtocolException("webhook has no etid parameter", ctx, null);
        }
        int etidNumber;
        try {
            etidNumber = Integer.parseInt(etid.strip());
        } catch (NumberFormatException e) {
            throw new DcbProtocolException("webhook etid is not a number", ctx, null);
        }
        String rawMsisdn = blankToNull(ci.valueOr("msisdn", null));
        String mx = blankToNull(ci.valueOr("mx", null));
        Msisdn msisdn = null;
        if (rawMsisdn != null) {
            try {
                msisdn = Msisdn.of(rawMsisdn);
            } catch (IllegalArgumentException e) {
                throw new DcbProtocolException("webhook msisdn is not a phone number", ctx, null);
            }
        } else if (mx != null) {
            msisdn = msisdnOrNull(mx);
        } else {
            throw new DcbProtocolException("webhook has neither msisdn nor mx", ctx, null);
        }
        Boolean success = flag(blankToNull(ci.valueOr("success", null)), ctx);
        String currencyCode = blankToNull(ci.valueOr("currencyCode", null));
        String amountText = blankToNull(ci.valueOr("chargeAmount", null));
        Money charge = null;
        if (amountText != null) {
            BigDecimal amount;
            try {
                amount = Decimals.parse(amountText);
            } catch (NumberFormatException e) {
                // not a number, or out of range (1e999999999)
                throw new DcbProtocolException("webhook chargeAmount " + e.getMessage(), ctx, null);
            }
            Currency currency = defaultCurrency;
            if (currencyCode != null) {
                try {
                    currency = Money.currency(currencyCode);
                } catch (IllegalArgumentException e) {
                    throw new DcbProtocolException("webhook currencyCode is not an ISO 4217 code", ctx, null);
                }
            }
            charge = Money.of(amount, currency);
        }
        String ts = blankToNull(ci.valueOr("transactionStatus", null));
        return new InfomediaWebhook(WebhookType.of(etidNumber), etid.strip(), msisdn, mx,
                blankToNull(ci.valueOr("mcc", null)), blankToNull(ci.valueOr("mnc", null)), blankToNull(ci.valueOr("productid", null)),
                blankToNull(ci.valueOr("pt", null)), success, charge, currencyCode, blankToNull(ci.valueOr("productDescription", null)),
                ts == null ? null : TransactionStatus.of(ts), blankToNull(ci.valueOr("txid", null)), params);
    }

    /**
     * Parses a webhook into a neutral event; see the class description for the type mapping and the event
     * id. The subscription reference uses {@code productid} as its id (Infomedia's {@code sid} equals the
     * product id) and the MSISDN.
     *
     * @param notification the inbound request
     * @return the event; an unknown {@code etid} gives {@link BillingEvent.Type#UNKNOWN}
     * @throws NotificationRejectedException when the shared secret or the sender address is wrong, or a
     *     parameter is given twice with different values
     * @throws DcbProtocolException when {@code etid} or the subscriber is missing, or a value is malformed
     */
    @Override
    public BillingEvent parse(InboundNotification notification) {
        InfomediaWebhook w = parseWebhook(notification);
        BillingEvent.Type type;
        FailureReason reason = null;
        switch (w.type()) {
            case SUBSCRIBE -> type = Boolean.FALSE.equals(w.success()) ? BillingEvent.Type.UNKNOWN
                    : BillingEvent.Type.SUBSCRIBED;
            case UNSUBSCRIBE -> type = BillingEvent.Type.UNSUBSCRIBED;
            case REACTIVATION -> type = BillingEvent.Type.REACTIVATED;
            case CHARGE -> {
                if (w.transactionStatus() != null) {
                    type = w.transactionStatus().billed() ? BillingEvent.Type.CHARGED
                            : BillingEvent.Type.CHARGE_FAILED;
                    reason = w.transactionStatus().failureReason();
                } else if (w.success() != null) {
                    type = w.success() ? BillingEvent.Type.CHARGED : BillingEvent.Type.CHARGE_FAILED;
                    reason = w.success() ? null : FailureReason.OTHER;
                } else {
                    type = BillingEvent.Type.UNKNOWN;
                }
            }
            case SUSPEND -> type = BillingEvent.Type.SUSPENDED;
            case UNSUSPEND -> type = BillingEvent.Type.UNSUSPENDED;
            case REFUND -> type = BillingEvent.Type.REFUNDED;
            default -> type = BillingEvent.Type.UNKNOWN;
        }
        BillingEvent.Builder b = BillingEvent.builder(PROVIDER, type, eventId(w))
                .rawType(w.etid())
                .msisdn(w.msisdn())
                .amount(w.charge())
                .failureReason(reason)
                .rawParameters(w.parameters());
        if (w.productId() != null) {
            b.offer(OfferId.of(w.productId()));
        }
        if (w.productId() != null || w.msisdn() != null) {
            b.subscription(new SubscriptionRef(w.productId(), w.msisdn(),
                    w.productId() == null ? null : OfferId.of(w.productId())));
        }
        if (w.txid() != null) {
            b.charge(ChargeRef.of(w.txid()));
        }
        return b.build();
    }

    private void checkAuthenticity(InboundNotification n, CallbackParameters params) {
        if (allowList != null) {
            allowList.require(PROVIDER, n);
        }
        if (secret != null) {
            String received = params.valueOr(secretParameter, null);
            if (!NotificationSecurity.secretMatches(secret, received)) {
                throw new NotificationRejectedException(received == null ? "shared secret missing"
                        : "shared secret does not match", ErrorContext.of(PROVIDER, "parseNotification"), null);
            }
        }
    }

    /**
     * The one value of each parameter, from the query or a form body, with the mangled currency repaired;
     * a parameter with different values is refused.
     */
    private static CallbackParameters parameters(InboundNotification n) {
        CallbackParameters params = CallbackParameters.builder(PROVIDER).query(n).build();
        if (params.isEmpty() && n.queryParameters().isEmpty()) {
            String body = n.bodyText();
            if (!body.isEmpty() && n.header("Content-Type").map(
                    ct -> ct.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded")).orElse(false)) {
                params = CallbackParameters.builder(PROVIDER).form(body).build();
            }
        }
        return mangled(params) ? repaired(params) : params;
    }

    /** Whether a name or a value shows the mangled {@code &currencyCode} (it always contains U+00A4). */
    private static boolean mangled(CallbackParameters params) {
        boolean[] found = new boolean[1];
        params.forEach((k, v) -> found[0] |= k.indexOf('\u00A4') >= 0 || v.indexOf('\u00A4') >= 0);
        return found[0];
    }

    /** The parameters with the mangled currency read as {@code currencyCode} (unless one is given too). */
    private static CallbackParameters repaired(CallbackParameters params) {
        Map<String, String> out = new LinkedHashMap<>();
        String mangledCurrency = null;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (key.endsWith(MANGLED_KEY)) {
                mangledCurrency = value;
                continue;
            }
            Matcher m = value.indexOf('\u00A4') < 0 ? null : MANGLED_CURRENCY.matcher(value);
            if (m != null && m.find()) {
                mangledCurrency = value.substring(m.end());
                value = value.substring(0, m.start());
            }
            out.putIfAbsent(key, value);
        }
        if (mangledCurrency != null && out.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("currencyCode"))) {
            out.put("currencyCode", mangledCurrency);
        }
        CallbackParameters.Builder b = CallbackParameters.builder(PROVIDER);
        out.forEach(b::add);
        return b.build();
    }

    private static Msisdn msisdnOrNull(String raw) {
        try {
            return Msisdn.of(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean flag(String value, ErrorContext ctx) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw new DcbProtocolException("webhook success flag is not 1 or 0", ctx, null);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The digest of {@code name=value} lines, names in lower case and sorted (a later value of a name that is
     * repeated in lower case wins, as a sorted map's put would keep it): the same text as ever, so that ids
     * stay stable across versions. The order of the lines depends on the names only, and Infomedia sends the
     * same names callback after callback: the last order is kept and used again while they repeat.
     */
    private String eventId(InfomediaWebhook w) {
        Map<String, String> p = w.parameters();
        String[] names = new String[p.size()];
        String[] values = new String[names.length];
        int[] size = new int[1];
        p.forEach((k, v) -> {
            names[size[0]] = k;
            values[size[0]++] = v;
        });
        LineOrder order = lastOrder;
        if (order == null || !Arrays.equals(order.names, names)) {
            order = LineOrder.of(names);
            lastOrder = order;
        }
        int length = 0;
        for (int i : order.lines) {
            length += order.lowerNames[i].length() + values[i].length() + 2;
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i : order.lines) {
            sb.append(order.lowerNames[i]).append('=').append(values[i]).append('\n');
        }
        return PROVIDER + "-" + w.etid() + "-" + Digests.sha256Hex(sb.toString(), 16);
    }

    /**
     * The lines of an event id for a list of names: the lower-case names, and the indexes of the lines in
     * order (stable: of a name repeated in lower case, only its last value). Immutable.
     */
    private static final class LineOrder {
        final String[] names;
        final String[] lowerNames;
        final int[] lines;

        private LineOrder(String[] names, String[] lowerNames, int[] lines) {
            this.names = names;
            this.lowerNames = lowerNames;
            this.lines = lines;
        }

        static LineOrder of(String[] names) {
            int n = names.length;
            String[] lower = new String[n];
            Integer[] sorted = new Integer[n];
            for (int i = 0; i < n; i++) {
                lower[i] = names[i].toLowerCase(Locale.ROOT);
                sorted[i] = i;
            }
            Arrays.sort(sorted, (a, b) -> lower[a].compareTo(lower[b])); // stable
            int[] lines = new int[n];
            int count = 0;
            for (int k = 0; k < n; k++) {
                if (k + 1 < n && lower[sorted[k + 1]].equals(lower[sorted[k]])) {
                    continue;
                }
                lines[count++] = sorted[k];
            }
            return new LineOrder(names, lower, Arrays.copyOf(lines, count));
        }
    }

    @Override
    public String toString() {
        return "InfomediaNotificationParser[sharedSecret=" + (secret == null ? "none" : "***") + ", allowedSources="
                + (allowList == null ? "any" : "restricted") + ", defaultCurrency=" + defaultCurrency + "]";
    }

    /** Builds an {@link InfomediaNotificationParser}. */
    public static final class Builder {
        private String secretParameter = DEFAULT_SECRET_PARAMETER;
        private String secret;
        private SourceAddressAllowList allowList;
        private Currency defaultCurrency = Currency.getInstance(DEFAULT_CURRENCY);

        private Builder() {
        }

        /**
         * Requires a shared secret in a query parameter of every webhook, compared in constant time.
         *
         * @param parameter the parameter name, for example {@code secret}
         * @param secret the secret you put in the webhook URL registered with Infomedia
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} or
         *     {@code notification-secret-parameter} when that value is null or blank
         */
        public Builder sharedSecret(String parameter, String secret) {
            if (secret == null) {
                throw new ConfigurationException(PROVIDER, "notification-secret", "is required");
            }
            ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", secret);
            if (parameter == null) {
                throw new ConfigurationException(PROVIDER, "notification-secret-parameter", "is required");
            }
            ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret-parameter", parameter);
            this.secretParameter = parameter.strip();
            this.secret = secret;
            return this;
        }

        /**
         * Accepts webhooks only from these sender addresses ({@link InboundNotification#remoteAddress()}).
         *
         * @param allowList the addresses or CIDR blocks; null to accept any
         * @return this builder
         */
        public Builder allowedSources(SourceAddressAllowList allowList) {
            this.allowList = allowList;
            return this;
        }

        /**
         * Accepts webhooks only from these sender addresses ({@link InboundNotification#remoteAddress()}),
         * compared as in {@link SourceAddressAllowList}.
         *
         * @param addresses IP addresses or CIDR blocks such as {@code 203.0.113.0/24} (entries may be
         *     comma-separated); null to accept any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed (an empty list never means "accept any"), or an entry is not an address or block
         */
        public Builder allowedSources(Collection<String> addresses) {
            this.allowList = ConfigChecks.allowList(PROVIDER, "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * The currency of charges whose {@code currencyCode} is missing.
         *
         * @param currency the currency; {@code AED} by default
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.defaultCurrency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * The currency of charges whose {@code currencyCode} is missing, by its code.
         *
         * @param code an ISO 4217 code, in any case; {@code AED} by default
         * @return this builder
         * @throws IllegalArgumentException when unknown
         */
        public Builder currency(String code) {
            this.defaultCurrency = Money.currency(code);
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public InfomediaNotificationParser build() {
            return new InfomediaNotificationParser(this);
        }
    }
}
