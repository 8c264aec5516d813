package io.dcb4j.eklectic.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.eklectic.model.Subscriber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Converts Eklectic's wire values into the public model. Internal. */
public final class EklecticMapper {

    private EklecticMapper() {
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
     * the MSISDN.
     *
     * @param s the subscriber
     * @return field name (as on the wire) to value
     */
    public static Map<String, String> details(Subscriber s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", s.id());
        put(m, "date_debfree", s.freePeriodStart());
        put(m, "date_finfree", s.freePeriodEnd());
        put(m, "subscription_date", s.subscribedAt());
        put(m, "unsubscription_date", s.unsubscribedAt());
        put(m, "first_broadcastbilling", s.firstBillingAttempt());
        put(m, "last_broadcastbilling", s.lastBillingAttempt());
        put(m, "first_successbilling", s.firstSuccessfulBilling());
        put(m, "last_successbilling", s.lastSuccessfulBilling());
        put(m, "success_billing", s.successfulBillings());
        put(m, "simchurn", s.simChurn());
        put(m, "date_simchurn", s.simChurnAt());
        put(m, "date_revsimchurn", s.simChurnRevertedAt());
        put(m, "create_at", s.createdAt());
        put(m, "last_status_update", s.lastStatusUpdate());
        put(m, "service_id", s.serviceId());
        put(m, "offre_id", s.offer());
        put(m, "status", s.status());
        put(m, "state", s.rawState());
        put(m, "expire_date", s.expiresAt());
        return m;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
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
            return EklecticDates.parse(raw, zone);
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
}
