package io.dcb4j.camara.notification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dcb4j.camara.internal.CamaraWire;
import io.dcb4j.core.spi.json.Json;
import java.io.IOException;
import java.util.Arrays;

/**
 * One streaming pass over a CloudEvent with the shared reader: the envelope's fields and the data's as text,
 * exactly as {@link CamaraWire.CloudEvent} and {@link CamaraWire.EventData} read them.
 *
 * <p>It reads only the ordinary notification and gives up (null) on anything else: a key given twice in the
 * envelope or in {@code data} (identical or not), JSON that is not an object, a field of the two records that is
 * not a string or null, {@code data} present but not an object, an object or array as the value of any other
 * field, a number or a surrogate in {@code data}, or JSON the parser refuses. The parser then reads the body the
 * full way, which refuses a key repeated with different values, accepts identical repeats and says what is
 * wrong, as it always did. The pass never decides differently from it: it only spares the ordinary notification
 * the duplicate-key scan, the tree and the second and third reading. Having no nested object but {@code data} to
 * look into, it finds repeated keys itself, with a bit per known field, instead of the parser's set of names.
 */
final class CloudEventReader {

    private static final int ID = 1;
    private static final int SOURCE = 1 << 1;
    private static final int TYPE = 1 << 2;
    private static final int SPECVERSION = 1 << 3;
    private static final int TIME = 1 << 4;
    private static final int DATACONTENTTYPE = 1 << 5;
    private static final int DATA = 1 << 6;

    private static final int PAYMENT_ID = 1;
    private static final int REFUND_ID = 1 << 1;
    private static final int STATUS = 1 << 2;
    private static final int DESCRIPTION = 1 << 3;
    private static final int PAYMENT_DATE = 1 << 4;
    private static final int REFUND_DATE = 1 << 5;
    private static final int DENIAL_REASON = 1 << 6;

    /** The most other fields one object may have before the full reading takes over. */
    private static final int MAX_OTHER_FIELDS = 64;

    private CloudEventReader() {
    }

    /**
     * A CloudEvent's fields as the records read them.
     *
     * @param id {@code id}
     * @param source {@code source}
     * @param type {@code type}
     * @param specversion {@code specversion}
     * @param time {@code time}
     * @param data {@code data}, or null when absent
     */
    record Fields(String id, String source, String type, String specversion, String time,
            CamaraWire.EventData data) {
    }

    /**
     * Reads an ordinary CloudEvent in one pass.
     *
     * @param body the body
     * @return the fields; null when the body needs the full reading
     */
    static Fields read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser p = Json.mapper().createParser(body)) {
            // repeats are found below: every object this pass reads is one of the two it checks
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            String source = null;
            String type = null;
            String specversion = null;
            String time = null;
            CamaraWire.EventData data = null;
            Names names = new Names();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> {
                        names.known(ID);
                        id = text(p, t);
                    }
                    case "source" -> {
                        names.known(SOURCE);
                        source = text(p, t);
                    }
                    case "type" -> {
                        names.known(TYPE);
                        type = text(p, t);
                    }
                    case "specversion" -> {
                        names.known(SPECVERSION);
                        specversion = text(p, t);
                    }
                    case "time" -> {
                        names.known(TIME);
                        time = text(p, t);
                    }
                    case "datacontenttype" -> {
                        names.known(DATACONTENTTYPE);
                        text(p, t);
                    }
                    case "data" -> {
                        names.known(DATA);
                        data = data(p, t);
                    }
                    default -> {
                        // skipped unread, as the records skip it
                        names.other(name);
                        scalar(t, true);
                    }
                }
            }
            return new Fields(id, source, type, specversion, time, data);
        } catch (IOException | RuntimeException e) {
            // a repeat, a value of another kind, or not JSON: the full reading decides and says why
            return null;
        }
    }

    /** The data object, the parser at its start; anything but an object is left to the full reading. */
    private static CamaraWire.EventData data(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        String paymentId = null;
        String refundId = null;
        String status = null;
        String description = null;
        String paymentDate = null;
        String refundDate = null;
        String denialReason = null;
        Names names = new Names();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "paymentId" -> {
                    names.known(PAYMENT_ID);
                    paymentId = dataText(p, t);
                }
                case "refundId" -> {
                    names.known(REFUND_ID);
                    refundId = dataText(p, t);
                }
                case "status" -> {
                    names.known(STATUS);
                    status = dataText(p, t);
                }
                case "description" -> {
                    names.known(DESCRIPTION);
                    description = dataText(p, t);
                }
                case "paymentDate" -> {
                    names.known(PAYMENT_DATE);
                    paymentDate = dataText(p, t);
                }
                case "refundDate" -> {
                    names.known(REFUND_DATE);
                    refundDate = dataText(p, t);
                }
                case "denialReason" -> {
                    names.known(DENIAL_REASON);
                    denialReason = dataText(p, t);
                }
                default -> {
                    names.other(name);
                    if (scalar(t, false) == JsonToken.VALUE_STRING) {
                        // the full reading's tree decodes every string of data: so does this pass
                        p.getText();
                    }
                }
            }
        }
        return new CamaraWire.EventData(paymentId, refundId, status, description, paymentDate, refundDate,
                denialReason);
    }

    /** A string field's value: the text, or null for JSON null; any other token is left to the full reading. */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw GiveUp.INSTANCE;
    }

    /**
     * A string field of {@code data}. The full reading writes {@code data} out and reads it again: so that this
     * pass need not match how the writer encodes surrogates, a value with any surrogate is left to it.
     */
    private static String dataText(JsonParser p, JsonToken t) throws IOException {
        String s = text(p, t);
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    throw GiveUp.INSTANCE;
                }
            }
        }
        return s;
    }

    /**
     * The value of another field: a string, true, false, null or, outside {@code data}, a number. An object or
     * array (whose keys this pass does not check for repeats), and a number in {@code data} (which the full
     * reading's tree holds within the decimal bounds), are left to the full reading.
     */
    private static JsonToken scalar(JsonToken t, boolean numbers) {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE
                || t == JsonToken.VALUE_NULL
                || numbers && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
            return t;
        }
        throw GiveUp.INSTANCE;
    }

    /** The names one object gave so far: a bit per field the records read, the others in a short list. */
    private static final class Names {
        private int known;
        private String[] others;
        private int count;

        void known(int bit) {
            if ((known & bit) != 0) {
                throw GiveUp.INSTANCE;
            }
            known |= bit;
        }

        void other(String name) {
            if (others == null) {
                others = new String[8];
            }
            for (int i = 0; i < count; i++) {
                if (others[i].equals(name)) {
                    throw GiveUp.INSTANCE;
                }
            }
            if (count == others.length) {
                if (count == MAX_OTHER_FIELDS) {
                    throw GiveUp.INSTANCE;
                }
                others = Arrays.copyOf(others, count * 2);
            }
            others[count++] = name;
        }
    }

    /** Leaves the body to the full reading: thrown only for an unusual body, made once, without a stack trace. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("left to the full reading", null, false, false);
        }
    }
}
