package io.dcb4j.camara.notification;

import io.dcb4j.camara.internal.CamaraMapper;
import io.dcb4j.camara.internal.CamaraWire;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.ConfigChecks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the CloudEvents 1.0 notifications a CAMARA operator delivers to the {@code sink} of a payment or
 * refund ({@code POST}, structured mode, {@code application/cloudevents+json}) into a {@link BillingEvent}:
 *
 * <table>
 *   <caption>CAMARA events</caption>
 *   <tr><th>{@code type} ends with</th><th>{@link BillingEvent.Type}</th></tr>
 *   <tr><td>{@code payment-pending-validation}</td><td>CHARGE_PENDING</td></tr>
 *   <tr><td>{@code payment-reserved}</td><td>CHARGE_RESERVED</td></tr>
 *   <tr><td>{@code payment-completed}</td><td>CHARGED</td></tr>
 *   <tr><td>{@code payment-cancelled}</td><td>CHARGE_CANCELLED</td></tr>
 *   <tr><td>{@code payment-denied}</td><td>CHARGE_FAILED, reason INSUFFICIENT_FUNDS when the
 *       {@code denialReason} speaks of balance, credit or funds, else DENIED</td></tr>
 *   <tr><td>{@code refund-completed}, {@code refund-in-bill}</td><td>REFUNDED</td></tr>
 *   <tr><td>{@code refund-denied}</td><td>REFUND_FAILED</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * A {@code data.status} of {@code failed} turns a payment event into CHARGE_FAILED and a refund event into
 * REFUND_FAILED. {@link BillingEvent#charge()} is the {@code paymentId}; the refund id, the status, the
 * description and the dates are in {@link BillingEvent#rawParameters()}. The event id is built from
 * {@code source} and {@code id} (CloudEvents: two events with the same source and id are the same event), so
 * that {@link io.dcb4j.core.notification.EventDeduplicator} lets each through once. The acknowledgement is
 * {@code 204 No Content}, as the specification asks.
 *
 * <p>Authenticity: the operator presents the sink credential you gave it ({@code sinkCredential.accessToken})
 * as {@code Authorization: Bearer <token>}. Configure the same token with {@link Builder#accessToken(String)}:
 * a missing or different token is a {@link NotificationRejectedException}, compared in constant time.
 * Without it, nothing is checked: set it in production. The missing fields the specification requires
 * ({@code id}, {@code source}, {@code specversion} 1.0, {@code type}, {@code time}, {@code data.paymentId})
 * are a {@link DcbProtocolException} naming the field. Thread-safe and immutable.
 */
public final class CamaraNotificationParser implements NotificationParser {

    /** The provider id. */
    public static final String PROVIDER = "camara";
    /** The content type of structured CloudEvents. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    /** The longest {@code id} or {@code source} accepted. */
    public static final int MAX_ID_LENGTH = 1024;

    /** Every notification is answered {@code 204 No Content}. */
    private static final Acknowledgement NO_CONTENT = new Acknowledgement(204, "text/plain; charset=utf-8", "");
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** The ASCII characters {@link URLEncoder} keeps as they are. */
    private static final boolean[] KEPT = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            KEPT[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '*' || c == '_';
        }
    }

    private final String accessToken;
    /** The token's UTF-8 bytes, compared in constant time with those received; null when not checked. */
    private final byte[] accessTokenBytes;
    private final SourceAddressAllowList allowList;
    /** The last source and its encoding in the event id: an operator sends its events from one source. */
    private volatile EncodedSource lastSource;

    private CamaraNotificationParser(Builder b) {
        this.accessToken = b.accessToken;
        this.accessTokenBytes = b.accessToken == null ? null : b.accessToken.getBytes(StandardCharsets.UTF_8);
        this.allowList = b.allowList;
    }

    /**
     * Starts a builder: no credential check, any source address.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A parser with the defaults: no credential or source-address check.
     *
     * @return the parser
     */
    public static CamaraNotificationParser create() {
        return builder().build();
    }

    /**
     * Parses a notification into a neutral event.
     *
     * @param notification the inbound request
     * @return the event; an unknown type gives UNKNOWN
     * @throws DcbProtocolException when the body is not a CloudEvent or a required field is missing
     * @throws NotificationRejectedException when the sink credential is configured and missing or wrong, the
     *     source address is not allowed, or the body gives a key twice with different values
     */
    @Override
    public BillingEvent parse(InboundNotification notification) {
        Read read = read(notification);
        CamaraEvent e = read.event();
        BillingEvent.Type type = e.type().eventType();
        if (!e.succeeded() && e.rawStatus() != null && e.type() != CamaraEventType.UNKNOWN) {
            type = e.type().isRefund() ? BillingEvent.Type.REFUND_FAILED : BillingEvent.Type.CHARGE_FAILED;
        }
        // the builder drops null values: only the present ones are put
        Map<String, String> raw = new LinkedHashMap<>(16);
        raw.put("id", e.id());
        raw.put("source", e.source());
        raw.put("type", e.rawType());
        raw.put("specversion", e.specVersion());
        // the dates as Instant.toString() writes them: mostly the very text received
        raw.put("time", CamaraMapper.rfc3339(e.time(), read.time()));
        raw.put("paymentId", e.paymentId());
        putPresent(raw, "refundId", e.refundId());
        putPresent(raw, "status", e.rawStatus());
        putPresent(raw, "description", e.description());
        putPresent(raw, "paymentDate", e.paymentDate() == null ? null
                : CamaraMapper.rfc3339(e.paymentDate(), read.paymentDate()));
        putPresent(raw, "refundDate", e.refundDate() == null ? null
                : CamaraMapper.rfc3339(e.refundDate(), read.refundDate()));
        putPresent(raw, "denialReason", e.denialReason());
        putPresent(raw, "x-correlator", e.correlator());
        Instant occurred = e.type() == CamaraEventType.PAYMENT_COMPLETED && e.paymentDate() != null ? e.paymentDate()
                : e.type() == CamaraEventType.REFUND_COMPLETED && e.refundDate() != null ? e.refundDate() : e.time();
        return BillingEvent.builder(PROVIDER, type, eventIdOf(e.source(), e.id()))
                .rawType(e.rawType())
                .charge(ChargeRef.of(e.paymentId()))
                .occurredAt(occurred)
                .failureReason(type == BillingEvent.Type.CHARGE_FAILED
                        ? CamaraMapper.failureReason(e.denialReason() != null ? e.denialReason() : e.description())
                        : null)
                .rawParameters(raw)
                .acknowledgement(NO_CONTENT)
                .build();
    }

    private static void putPresent(Map<String, String> raw, String name, String value) {
        if (value != null) {
            raw.put(name, value);
        }
    }

    /**
     * The de-duplication id of an event: its source and id, each percent-encoded and joined by a space, so that
     * no two different pairs give the same id.
     *
     * @param source the CloudEvent {@code source}
     * @param id the CloudEvent {@code id}
     * @return the event id
     */
    public static String eventId(String source, String id) {
        String encodedSource = formEncodeAscii(source);
        String encodedId = formEncodeAscii(id);
        if (encodedSource == null || encodedId == null) {
            encodedSource = URLEncoder.encode(source, StandardCharsets.UTF_8);
            encodedId = URLEncoder.encode(id, StandardCharsets.UTF_8);
        }
        return encodedSource + " " + encodedId;
    }

    /** {@link #eventId}, the source encoded once for as long as the events come from it. */
    private String eventIdOf(String source, String id) {
        EncodedSource last = lastSource;
        if (last == null || !last.source().equals(source)) {
            String encoded = formEncodeAscii(source);
            if (encoded == null) {
                return eventId(source, id);
            }
            last = new EncodedSource(source, encoded);
            lastSource = last;
        }
        String encodedId = formEncodeAscii(id);
        return encodedId == null ? eventId(source, id) : last.encoded() + " " + encodedId;
    }

    /**
     * A source and its encoding.
     *
     * @param source the source
     * @param encoded as {@link #formEncodeAscii} encodes it
     */
    private record EncodedSource(String source, String encoded) {
    }

    /**
     * ASCII text as {@link URLEncoder} encodes it in UTF-8 (letters, digits and {@code .-*_} kept, a space as
     * {@code +}, every other character as {@code %XX}), without its intermediate buffers: the text itself when
     * nothing needs encoding.
     *
     * @return the encoded text; null when the text is not ASCII, for {@link URLEncoder} to encode
     */
    private static String formEncodeAscii(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) < 0x80 && KEPT[text.charAt(first)]) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        // at most three bytes a character from the first one to encode
        byte[] out = new byte[first + 3 * (text.length() - first)];
        int o = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (KEPT[c]) {
                out[o++] = (byte) c;
            } else if (c == ' ') {
                out[o++] = '+';
            } else {
                out[o++] = '%';
                out[o++] = HEX[c >> 4];
                out[o++] = HEX[c & 0xF];
            }
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses a notification in CAMARA's own terms.
     *
     * @param notification the inbound request
     * @return the event
     * @throws DcbProtocolException when the body is not a CloudEvent or a required field is missing
     * @throws NotificationRejectedException as {@link #parse}
     */
    public CamaraEvent parseEvent(InboundNotification notification) {
        return read(notification).event();
    }

    /**
     * An event and the dates' texts it was read from.
     *
     * @param event the event
     * @param time {@code time} as read (stripped)
     * @param paymentDate {@code data.paymentDate} as read, or null
     * @param refundDate {@code data.refundDate} as read, or null
     */
    private record Read(CamaraEvent event, String time, String paymentDate, String refundDate) {
    }

    private Read read(InboundNotification notification) {
        Objects.requireNonNull(notification, "notification");
        if (allowList != null) {
            allowList.require(PROVIDER, notification);
        }
        if (accessTokenBytes != null) {
            String header = header(notification, "authorization");
            String received = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip() : null;
            // the time depends on the configured token's length only, never on where the received one differs
            if (received == null
                    || !MessageDigest.isEqual(accessTokenBytes, received.getBytes(StandardCharsets.UTF_8))) {
                throw new NotificationRejectedException(received == null ? "sink credential missing"
                        : "sink credential does not match", context(), null);
            }
        }
        String contentType = header(notification, "content-type");
        contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.startsWith(CLOUDEVENTS_JSON)
                && !contentType.startsWith("application/json")) {
            throw new DcbProtocolException("not a structured CloudEvent: the content type is not "
                    + CLOUDEVENTS_JSON, context(), null);
        }
        byte[] body = notification.body();
        // the ordinary notification in one pass; anything else (a repeated key, a value of another kind, not
        // JSON) is read the full way, which refuses a key repeated with different values and says what is wrong
        CloudEventReader.Fields fields = CloudEventReader.read(body);
        CamaraWire.CloudEvent ce = null;
        if (fields == null) {
            notification.requireUnambiguousJsonBody(PROVIDER);
            ce = Json.read(body, CamaraWire.CloudEvent.class, context());
        }
        String id = required("id", fields != null ? fields.id() : ce.id());
        String source = required("source", fields != null ? fields.source() : ce.source());
        if (id.length() > MAX_ID_LENGTH || source.length() > MAX_ID_LENGTH) {
            throw new DcbProtocolException("CloudEvent 'id' or 'source' is longer than " + MAX_ID_LENGTH
                    + " characters", context(), null);
        }
        String spec = required("specversion", fields != null ? fields.specversion() : ce.specversion());
        if (!spec.equals("1.0")) {
            throw new DcbProtocolException("CloudEvent 'specversion' is not 1.0", context(), null);
        }
        String rawType = required("type", fields != null ? fields.type() : ce.type());
        String timeText = required("time", fields != null ? fields.time() : ce.time());
        Instant time = CamaraMapper.date("time", timeText, context());
        if (fields != null ? fields.data() == null : ce.data() == null || !ce.data().isObject()) {
            throw new DcbProtocolException("CloudEvent 'data' is missing or not an object", context(), null);
        }
        CamaraWire.EventData data = fields != null ? fields.data()
                : Json.read(Json.write(ce.data()), CamaraWire.EventData.class, context());
        String paymentId = required("data.paymentId", data.paymentId());
        CamaraEventType type = CamaraEventType.of(rawType);
        String refundId = CamaraMapper.text(data.refundId());
        if (type.isRefund() && refundId == null) {
            throw missing("data.refundId");
        }
        String status = CamaraMapper.text(data.status());
        String paymentDate = CamaraMapper.text(data.paymentDate());
        String refundDate = CamaraMapper.text(data.refundDate());
        CamaraEvent event = new CamaraEvent(id, source, type, rawType, spec, time, paymentId, refundId,
                status == null || !status.equalsIgnoreCase("failed"), status, CamaraMapper.text(data.description()),
                CamaraMapper.date("data.paymentDate", paymentDate, context()),
                CamaraMapper.date("data.refundDate", refundDate, context()),
                CamaraMapper.text(data.denialReason()), header(notification, "x-correlator"));
        return new Read(event, timeText, paymentDate, refundDate);
    }

    /** {@link InboundNotification#header} for a name already in lower case, as the headers are kept. */
    private static String header(InboundNotification notification, String lowerCaseName) {
        List<String> values = notification.headers().get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String required(String field, String value) {
        String v = CamaraMapper.text(value);
        if (v == null) {
            throw missing(field);
        }
        return v;
    }

    private static DcbProtocolException missing(String field) {
        return new DcbProtocolException("CloudEvent field '" + field + "' is missing", context(), null);
    }

    private static ErrorContext context() {
        return ErrorContext.of(PROVIDER, "parseNotification");
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "CamaraNotificationParser[sinkCredential=" + (accessToken == null ? "off" : "on") + ", allowList="
                + (allowList == null ? "off" : "on") + "]";
    }

    /** Builds a {@link CamaraNotificationParser}. */
    public static final class Builder {
        private String accessToken;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * Requires every notification to carry {@code Authorization: Bearer <accessToken>}: the {@code
         * sinkCredential.accessToken} given with the payment or refund.
         *
         * @param accessToken the token; null turns the check off
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the token is blank
         */
        public Builder accessToken(String accessToken) {
            ConfigChecks.optionalNonBlank(PROVIDER, "notification-secret", accessToken);
            this.accessToken = accessToken;
            return this;
        }

        /**
         * Accepts notifications only from these source addresses ({@link InboundNotification#remoteAddress()}).
         *
         * @param allowList the addresses or CIDR blocks; null accepts any
         * @return this builder
         */
        public Builder allowedSources(SourceAddressAllowList allowList) {
            this.allowList = allowList;
            return this;
        }

        /**
         * Accepts notifications only from these source addresses, given as text.
         *
         * @param addresses IP addresses or CIDR blocks (entries may be comma-separated); null accepts any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks
         *     is listed, or an entry is not an address or block
         */
        public Builder allowedSources(Collection<String> addresses) {
            this.allowList = ConfigChecks.allowList(PROVIDER, "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public CamaraNotificationParser build() {
            return new CamaraNotificationParser(this);
        }
    }
}
