package io.dcb4j.eklectic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.json.JsonFields;
import io.dcb4j.core.spi.support.Details;
import io.dcb4j.core.spi.support.Timestamps;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Converts Eklectic's answers and wire values into the public model: the OTP, confirm, find and details
 * answers, states, numbers and dates. Internal.
 *
 * <p>Dates: {@code yyyy-MM-dd HH:mm:ss} without zone (read in the configured zone, Tunisia local time by
 * default), {@code 0000-00-00 00:00:00}, {@code null} and blank meaning "no date", ISO-8601 with an offset as
 * seen on some {@code expire_date} values (in any spelling: {@code Z}, {@code +01}, {@code +0100},
 * {@code +01:00}), and a {@code +} or {@code T} between date and time.
 */
public final class EklecticMapper {

    /** The spellings of the subscription id in the find answer, in order of preference. */
    private static final List<String> SUBSCRIPTION_ID_NAMES = List.of("subscriptionID", "subscriptionId",
            "subscriptionid", "subscription_id");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private EklecticMapper() {
    }

    /**
     * Maps the {@code POST subscription/otp} answer.
     *
     * @param answer the answer
     * @param msisdn the subscriber the PIN was sent to
     * @param offer the offer
     * @param zone the zone of the zone-less {@code expire}
     * @param context the call's context, for protocol errors
     * @return the challenge
     * @throws DcbProtocolException when {@code code} is missing or {@code expire} is malformed
     */
    public static OtpChallenge otpChallenge(EklecticWire.OtpAnswer answer, Msisdn msisdn, OfferId offer,
            ZoneId zone, ErrorContext context) {
        String code = text(answer.code());
        if (code == null) {
            throw new DcbProtocolException("OTP answer has no 'code'", context, null);
        }
        String expire = text(answer.expire());
        Instant expiresAt = date("expire", expire, zone, context);
        return new OtpChallenge(code, msisdn, offer, expiresAt, expire);
    }

    /**
     * Maps the {@code POST subscription/confirm} answer. The {@code confirm} flag is compared
     * case-insensitively ({@code OK}, {@code ok}).
     *
     * @param answer the answer
     * @param zone the zone for zone-less dates
     * @param context the call's context, for the exceptions
     * @return the confirmation and the subscriber record
     * @throws InvalidPinException when {@code confirm} is {@code KO}
     * @throws DcbProtocolException when {@code confirm} is neither ok nor ko, or the record is missing
     */
    public static ConfirmResult confirmResult(EklecticWire.ConfirmAnswer answer, ZoneId zone,
            ErrorContext context) {
        String confirm = text(answer.confirm());
        if (isKo(confirm)) {
            throw new InvalidPinException("PIN refused: confirm=" + confirm, context.withProviderError(confirm, null),
                    null);
        }
        if (!isOk(confirm)) {
            throw new DcbProtocolException(confirm == null ? "confirm answer has no 'confirm'"
                    : "confirm answer's 'confirm' is neither OK nor KO: '" + confirm + "'", context, null);
        }
        return new ConfirmResult(confirm, subscriber(answer.user(), zone, context));
    }

    /**
     * Reads the subscription id of the {@code POST subscription/find} answer ({@code subscriptionID}, or
     * another spelling); {@code 0} is no id.
     *
     * @param tree the answer
     * @param context the call's context, for the exceptions
     * @return the id, usable as one path segment
     * @throws DcbProtocolException when the answer is not an object, or the id is not a usable path segment
     * @throws NotFoundException when the answer has no id
     */
    public static String subscriptionId(JsonNode tree, ErrorContext context) {
        if (!tree.isObject()) {
            throw new DcbProtocolException("find answer is not a JSON object", context, null);
        }
        for (String name : SUBSCRIPTION_ID_NAMES) {
            String id = JsonFields.text(tree.get(name)).filter(v -> !v.equals("0")).orElse(null);
            if (id != null) {
                if (!HttpTransport.isPathSegment(id)) {
                    // it goes into the path of the next call: a '..' would reach another resource
                    throw new DcbProtocolException("find answer's '" + name + "' is not a usable subscription id",
                            context, null);
                }
                return id;
            }
        }
        throw new NotFoundException("no subscription for this subscriber and offer", context, null);
    }

    /**
     * The offer id as Eklectic's JSON wants it: a number when it is all digits (as in the document), text
     * otherwise.
     *
     * @param offer the offer
     * @return a Long or the text
     */
    public static Object offerOnWire(OfferId offer) {
        String v = offer.value().strip();
        if (!v.isEmpty() && v.length() <= 18 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(v);
        }
        return v;
    }

    /**
     * Eklectic's {@code state} in neutral terms. The document shows {@code ACTIVE} and {@code SUSPENDED};
     * the other names are the usual spellings of the same ideas, compared case-insensitively. Anything
     * else is UNKNOWN, with the raw value kept by the caller.
     *
     * @param raw the state text, or null
     * @return the neutral state
     */
    public static SubscriptionState neutralState(String raw) {
        if (raw == null || raw.isBlank()) {
            return SubscriptionState.UNKNOWN;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "ACTIVE", "ACTIF", "SUBSCRIBED" -> SubscriptionState.ACTIVE;
            case "SUSPENDED", "SUSPENDU", "SUSPEND", "GRACE" -> SubscriptionState.SUSPENDED;
            case "UNSUBSCRIBED", "UNSUB", "CANCELLED", "CANCELED", "INACTIVE", "DEACTIVATED", "DESACTIVE",
                    "TERMINATED", "CLOSED" -> SubscriptionState.CANCELLED;
            case "EXPIRED" -> SubscriptionState.EXPIRED;
            case "PENDING", "WAITING", "NEW" -> SubscriptionState.PENDING;
            default -> SubscriptionState.UNKNOWN;
        };
    }

    /**
     * Whether {@code confirm} says the PIN was accepted.
     *
     * @param raw the value
     * @return true for {@code ok} in any case
     */
    public static boolean isOk(String raw) {
        return raw != null && raw.strip().equalsIgnoreCase("ok");
    }

    /**
     * Whether {@code confirm} says the PIN was refused.
     *
     * @param raw the value
     * @return true for {@code ko} in any case
     */
    public static boolean isKo(String raw) {
        return raw != null && raw.strip().equalsIgnoreCase("ko");
    }

    /**
     * Maps the {@code user} object.
     *
     * @param dto the wire record
     * @param zone the zone for zone-less dates
     * @param context the call's context, for protocol errors
     * @return the subscriber
     * @throws DcbProtocolException when the id is missing or a date or number is malformed
     */
    public static Subscriber subscriber(EklecticWire.SubscriberDto dto, ZoneId zone, ErrorContext context) {
        if (dto == null) {
            throw new DcbProtocolException("answer has no 'user' object", context, null);
        }
        String id = text(dto.id());
        if (id == null) {
            throw new DcbProtocolException("answer's 'user' has no 'id'", context, null);
        }
        String rawState = text(dto.state());
        String offer = text(dto.offreId());
        String msisdn = text(dto.msisdn());
        return new Subscriber(
                id,
                msisdn != null && Msisdn.isValid(msisdn) ? Msisdn.of(msisdn) : null,
                date("date_debfree", dto.dateDebfree(), zone, context),
                date("date_finfree", dto.dateFinfree(), zone, context),
                date("subscription_date", dto.subscriptionDate(), zone, context),
                date("unsubscription_date", dto.unsubscriptionDate(), zone, context),
                date("first_broadcastbilling", dto.firstBroadcastbilling(), zone, context),
                date("last_broadcastbilling", dto.lastBroadcastbilling(), zone, context),
                date("first_successbilling", dto.firstSuccessbilling(), zone, context),
                date("last_successbilling", dto.lastSuccessbilling(), zone, context),
                integer("success_billing", dto.successBilling(), context),
                integer("simchurn", dto.simchurn(), context),
                date("date_simchurn", dto.dateSimchurn(), zone, context),
                date("date_revsimchurn", dto.dateRevsimchurn(), zone, context),
                date("create_at", dto.createAt(), zone, context),
                date("last_status_update", dto.lastStatusUpdate(), zone, context),
                text(dto.serviceId()),
                offer == null ? null : OfferId.of(offer),
                integer("status", dto.status(), context),
                neutralState(rawState),
                rawState,
                date("expire_date", dto.expireDate(), zone, context));
    }

    /**
     * The subscriber's fields as neutral {@code details}: ids, counters, state and dates (ISO-8601); never
     * the MSISDN. Rendered as text only when the details are read.
     *
     * @param s the subscriber
     * @return field name (as on the wire) to value, to build (more fields may be added first)
     */
    public static Details.Builder details(Subscriber s) {
        return Details.builder()
                .put("id", s.id())
                .put("date_debfree", s.freePeriodStart())
                .put("date_finfree", s.freePeriodEnd())
                .put("subscription_date", s.subscribedAt())
                .put("unsubscription_date", s.unsubscribedAt())
                .put("first_broadcastbilling", s.firstBillingAttempt())
                .put("last_broadcastbilling", s.lastBillingAttempt())
                .put("first_successbilling", s.firstSuccessfulBilling())
                .put("last_successbilling", s.lastSuccessfulBilling())
                .put("success_billing", s.successfulBillings())
                .put("simchurn", s.simChurn())
                .put("date_simchurn", s.simChurnAt())
                .put("date_revsimchurn", s.simChurnRevertedAt())
                .put("create_at", s.createdAt())
                .put("last_status_update", s.lastStatusUpdate())
                .put("service_id", s.serviceId())
                .put("offre_id", s.offer())
                .put("status", s.status())
                .put("state", s.rawState())
                .put("expire_date", s.expiresAt());
    }

    /**
     * Trims text; blank and the literal {@code null} become null.
     *
     * @param raw the value
     * @return the text or null
     */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() || s.equals("null") ? null : s;
    }

    /**
     * Parses a provider date, naming the field when malformed.
     *
     * @param field the wire name
     * @param raw the text
     * @param zone the zone for zone-less values
     * @param context for the exception
     * @return the instant or null
     */
    public static Instant date(String field, String raw, ZoneId zone, ErrorContext context) {
        try {
            return parseDate(raw, zone);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'" + field + "' is not a date of the form yyyy-MM-dd HH:mm:ss: '"
                    + excerpt(raw) + "'", context, e);
        }
    }

    /**
     * Parses a whole number sent as number or text, naming the field when malformed.
     *
     * @param field the wire name
     * @param raw the text
     * @param context for the exception
     * @return the number or null
     */
    public static Integer integer(String field, String raw, ErrorContext context) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new DcbProtocolException("'" + field + "' is not a whole number: '" + excerpt(s) + "'", context,
                    null);
        }
    }

    private static String excerpt(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    }

    /**
     * Parses a provider date.
     *
     * @param raw the text, or null
     * @param zone the zone for zone-less values
     * @return the instant, or null for "no date"
     * @throws IllegalArgumentException when the text is not a date the provider is known to send
     */
    public static Instant parseDate(String raw, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("null") || s.startsWith("0000-00-00")) {
            return null;
        }
        if (s.length() >= 11 && s.charAt(10) == '+') {
            s = s.substring(0, 10) + ' ' + s.substring(11);
        }
        if (s.length() >= 11 && s.charAt(10) == ' ' && hasOffset(s)) {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            LocalDateTime plain = plain(s);
            if (plain != null) {
                return plain.atZone(zone).toInstant();
            }
            if (hasOffset(s)) {
                // any offset spelling: Z, +01, +0100, +01:00
                return Timestamps.parse(s, zone);
            }
            return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date of the form yyyy-MM-dd HH:mm:ss", e);
        }
    }

    /**
     * The common {@code yyyy-MM-dd HH:mm:ss} (or {@code T} between) read digit by digit: the optional
     * sections of {@link #LOCAL} make the formatter copy its state per section, a third of a callback's
     * parsing time. Null when the text has another shape (the formatter then decides); an impossible date
     * or time (month 13, 30 February, hour 24) throws {@link java.time.DateTimeException}, as STRICT does.
     */
    private static LocalDateTime plain(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a valid date or time", s, 0, e);
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whether the text ends with {@code Z} or a {@code +hh:mm}/{@code -hh:mm} offset after the time. */
    private static boolean hasOffset(String s) {
        if (s.length() <= 16) {
            return false;
        }
        String time = s.substring(11);
        return time.endsWith("Z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }
}
