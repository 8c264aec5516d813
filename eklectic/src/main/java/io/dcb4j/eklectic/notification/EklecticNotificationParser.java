package io.dcb4j.eklectic.notification;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.CallbackParameters;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.eklectic.internal.EklecticMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses Eklectic's partner-URL callback
 * {@code GET <partner URL>?action=SUB|UNSUB|RENEW|CHARGE&subscriptionid=..&transaction=..&offreid=..&amount=..&date=YYYY-MM-DD+hh:mm:ss}
 * (plus {@code canal}, {@code msisdn} and {@code ise2} when present) into a {@link BillingEvent}:
 * SUB is SUBSCRIBED, UNSUB UNSUBSCRIBED, RENEW RENEWED (with the amount), CHARGE CHARGED, anything else
 * UNKNOWN. The event id is the {@code transaction} id. Parameter names are matched case-insensitively
 * and the offer may be {@code offreid}, {@code offre_id} or {@code offreId}; a form-encoded POST body is
 * read as well. The date may be plus- or percent-encoded and is read in the configured zone. A parameter
 * given twice with different values (in the query, the body, or one in each; names in any case) is a
 * {@link io.dcb4j.core.error.NotificationRejectedException}: the parser never picks one of them.
 *
 * <p>Missing or malformed parameters give a {@link DcbProtocolException} naming the parameter:
 * {@code action} and {@code transaction} always; {@code subscriptionid} for SUB, UNSUB and RENEW;
 * {@code amount} for RENEW; {@code amount}, {@code date} and {@code msisdn} whenever present.
 *
 * <p>Eklectic does not sign its callbacks. Put a secret of your own in the partner URL you give Eklectic
 * ({@code https://shop.example/eklectic?secret=...}) and configure it with {@link
 * Builder#sharedSecret(String, String)}: each callback is then checked in constant time and rejected with
 * {@link io.dcb4j.core.error.NotificationRejectedException} when it does not carry it. The secret never
 * appears in {@link BillingEvent#rawParameters()}. A blank secret or allow-list is a {@link
 * ConfigurationException} when the parser is built, never a check turned off. Thread-safe and immutable.
 */
public final class EklecticNotificationParser implements NotificationParser {

    /** The provider id. */
    public static final String PROVIDER = "eklectic";
    /** The default zone of callback dates: Tunisia. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Africa/Tunis");
    /** The default currency of amounts: Tunisian dinar. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("TND");

    private static final List<String> OFFER_NAMES = List.of("offreid", "offre_id", "offerid", "offer_id");

    private final ZoneId zone;
    private final Currency currency;
    private final String secretParameter;
    private final String secret;
    private final SourceAddressAllowList allowList;

    private EklecticNotificationParser(Builder b) {
        this.zone = Objects.requireNonNull(b.zone, "zone");
        this.currency = Objects.requireNonNull(b.currency, "currency");
        this.secretParameter = b.secretParameter;
        this.secret = b.secret;
        this.allowList = b.allowList;
    }

    /**
     * Starts a builder: Tunisia time, TND, no shared secret.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A parser with the defaults: Tunisia time, TND, no shared-secret or source-address check.
     *
     * @return the parser
     */
    public static EklecticNotificationParser create() {
        return builder().build();
    }

    /**
     * Parses a callback into a neutral event.
     *
     * @param notification the inbound request
     * @return the event; an unknown action gives type UNKNOWN
     * @throws DcbProtocolException when a required parameter is missing or malformed
     * @throws io.dcb4j.core.error.NotificationRejectedException when the shared secret is configured and
     *     missing or wrong, or a parameter is given twice with different values
     */
    @Override
    public BillingEvent parse(InboundNotification notification) {
        CallbackParameters params = parameters(notification);
        EklecticNotification n = read(params);
        SubscriptionRef subscription = n.subscriptionId() != null
                ? new SubscriptionRef(n.subscriptionId(), n.msisdn(), n.offer())
                : n.msisdn() != null ? new SubscriptionRef(null, n.msisdn(), n.offer()) : null;
        boolean billed = n.action() == EklecticAction.RENEW || n.action() == EklecticAction.CHARGE;
        return BillingEvent.builder(PROVIDER, n.action().eventType(), n.transactionId())
                .rawType(n.rawAction())
                .subscription(subscription)
                .charge(billed ? ChargeRef.of(n.transactionId()) : null)
                .msisdn(n.msisdn())
                .offer(n.offer())
                .amount(n.amount())
                .occurredAt(n.occurredAt())
                .rawParameters(params)
                .acknowledgement(Acknowledgement.ok("OK"))
                .build();
    }

    /**
     * Parses a callback into Eklectic's own terms.
     *
     * @param notification the inbound request
     * @return the callback's parameters, typed
     * @throws DcbProtocolException when a required parameter is missing or malformed
     * @throws io.dcb4j.core.error.NotificationRejectedException when the shared secret is configured and
     *     missing or wrong, or a parameter is given twice with different values
     */
    public EklecticNotification parseNotification(InboundNotification notification) {
        return read(parameters(notification));
    }

    /** Checks the secret, then gathers query (and form body) parameters without the secret. */
    private CallbackParameters parameters(InboundNotification notification) {
        Objects.requireNonNull(notification, "notification");
        if (allowList != null) {
            allowList.require(PROVIDER, notification);
        }
        if (secret != null) {
            NotificationSecurity.requireSharedSecret(PROVIDER, notification, secretParameter, secret);
        }
        CallbackParameters.Builder params = CallbackParameters.builder(PROVIDER).query(notification);
        String contentType = notification.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            params.form(notification.bodyText());
        }
        return secretParameter == null ? params.build() : params.build().without(secretParameter);
    }

    private EklecticNotification read(CallbackParameters params) {
        String rawAction = require(params, "action");
        EklecticAction action = EklecticAction.of(rawAction);
        String transaction = require(params, "transaction");
        String subscriptionId = value(params, "subscriptionid");
        if (subscriptionId == null && (action == EklecticAction.SUB || action == EklecticAction.UNSUB
                || action == EklecticAction.RENEW)) {
            throw missing("subscriptionid");
        }
        String offer = null;
        for (String name : OFFER_NAMES) {
            offer = value(params, name);
            if (offer != null) {
                break;
            }
        }
        String rawAmount = value(params, "amount");
        if (rawAmount == null && action == EklecticAction.RENEW) {
            throw missing("amount");
        }
        Money amount = rawAmount == null ? null : amount(rawAmount);
        String rawDate = value(params, "date");
        Instant occurredAt = null;
        if (rawDate != null) {
            try {
                occurredAt = EklecticMapper.parseDate(rawDate, zone);
            } catch (IllegalArgumentException e) {
                throw malformed("date", "is not a date of the form YYYY-MM-DD hh:mm:ss", e);
            }
        }
        String rawMsisdn = value(params, "msisdn");
        Msisdn msisdn = null;
        if (rawMsisdn != null) {
            try {
                msisdn = Msisdn.of(rawMsisdn);
            } catch (IllegalArgumentException e) {
                throw malformed("msisdn", "is not a phone number", null);
            }
        }
        return new EklecticNotification(action, rawAction, subscriptionId, transaction,
                offer == null ? null : OfferId.of(offer), amount, occurredAt, rawDate, value(params, "canal"),
                msisdn, value(params, "ise2"));
    }

    private Money amount(String raw) {
        String s = raw.strip();
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            s = s.replace(',', '.');
        }
        BigDecimal value;
        try {
            value = Decimals.parse(s);
        } catch (NumberFormatException e) {
            // not a number, or out of range (1e999999999): never quoted, never turned into a huge string
            throw malformed("amount", e.getMessage(), null);
        }
        if (value.signum() < 0) {
            throw malformed("amount", "is negative", null);
        }
        return Money.of(value, currency);
    }

    /** The value of a parameter, its name matched case-insensitively; blank is absent. */
    private static String value(CallbackParameters params, String name) {
        String v = params.valueOr(name, null);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static String require(CallbackParameters params, String name) {
        String v = value(params, name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    private static DcbProtocolException missing(String name) {
        return new DcbProtocolException("callback parameter '" + name + "' is missing",
                ErrorContext.of(PROVIDER, "parseNotification"), null);
    }

    private static DcbProtocolException malformed(String name, String problem, Throwable cause) {
        return new DcbProtocolException("callback parameter '" + name + "' " + problem,
                ErrorContext.of(PROVIDER, "parseNotification"), cause);
    }

    /** Builds an {@link EklecticNotificationParser}. */
    public static final class Builder {
        private ZoneId zone = DEFAULT_ZONE;
        private Currency currency = DEFAULT_CURRENCY;
        private String secretParameter;
        private String secret;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * Accepts callbacks only from these source addresses ({@link InboundNotification#remoteAddress()}).
         *
         * @param allowList the addresses or CIDR blocks; null accepts any
         * @return this builder
         */
        public Builder allowedSources(SourceAddressAllowList allowList) {
            this.allowList = allowList;
            return this;
        }

        /**
         * Accepts callbacks only from these source addresses, given as text.
         *
         * @param addresses IP addresses or CIDR blocks (entries may be comma-separated); null accepts any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed, or an entry is not an address or block
         */
        public Builder allowedSources(Collection<String> addresses) {
            this.allowList = ConfigChecks.allowList(PROVIDER, "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * The zone of the zone-less {@code date}; Africa/Tunis by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The currency of {@code amount}; TND by default.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * Requires every callback to carry {@code secret} in the query parameter {@code parameter}, compared
         * in constant time.
         *
         * @param parameter the query parameter of your partner URL, for example {@code secret}
         * @param secret the value; null turns the check off
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the secret is blank, or
         *     {@code notification-secret-parameter} when a secret is given without a parameter name
         */
        public Builder sharedSecret(String parameter, String secret) {
            ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", secret);
            if (secret != null && (parameter == null || ConfigChecks.isBlank(parameter))) {
                throw new ConfigurationException(PROVIDER, "notification-secret-parameter", "is required");
            }
            this.secretParameter = secret == null ? null : parameter.strip();
            this.secret = secret;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public EklecticNotificationParser build() {
            return new EklecticNotificationParser(this);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "EklecticNotificationParser[zone=" + zone + ", currency=" + currency + ", sharedSecret="
                + (secret == null ? "off" : "on") + "]";
    }
}
