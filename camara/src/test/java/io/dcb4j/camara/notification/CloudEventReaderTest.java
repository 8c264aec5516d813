package io.dcb4j.camara.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dcb4j.camara.internal.CamaraWire;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.spi.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reading of a CloudEvent: for every body it reads, the fields the full reading (the duplicate-key
 * scan, the records, the data written out and read again) gives; every other body is left to the full reading,
 * so that the parser accepts, refuses and reads exactly as before.
 */
class CloudEventReaderTest {

    static final String TOKEN = "sink-token-7Hq2xV9pLm";
    static final CamaraNotificationParser PARSER = CamaraNotificationParser.builder().accessToken(TOKEN).build();
    static final ErrorContext CONTEXT = ErrorContext.of("camara", "test");

    /** A payment-completed event as the simulator's callback writer sends it. */
    static final String ORDINARY = "{\"id\":\"evt-482913650271\",\"source\":\"https://camara-sim.example/events\","
            + "\"type\":\"org.camaraproject.carrier-billing.v0.payment-completed\",\"specversion\":\"1.0\","
            + "\"datacontenttype\":\"application/json\",\"time\":\"2024-05-14T09:21:37.482Z\","
            + "\"data\":{\"paymentId\":\"pay-73018264\",\"status\":\"succeeded\",\"description\":\"Payment completed\","
            + "\"paymentDate\":\"2024-05-14T09:21:37.482Z\"}}";

    static InboundNotification event(String body) {
        return InboundNotification.builder("POST").path("/camara/sink")
                .header("Content-Type", "application/cloudevents+json").header("Authorization", "Bearer " + TOKEN)
                .body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** The fields as the full reading reads them, or its refusal. */
    static Object full(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (Json.firstAmbiguousKey(bytes).isPresent()) {
            return "ambiguous";
        }
        try {
            CamaraWire.CloudEvent ce = Json.read(bytes, CamaraWire.CloudEvent.class, CONTEXT);
            CamaraWire.EventData data = ce.data() == null || !ce.data().isObject() ? null
                    : Json.read(Json.write(ce.data()), CamaraWire.EventData.class, CONTEXT);
            return new CloudEventReader.Fields(ce.id(), ce.source(), ce.type(), ce.specversion(), ce.time(), data);
        } catch (DcbProtocolException e) {
            return "unreadable";
        }
    }

    /** The parser's answer, as comparable text: the event's every field, or the exception's type and message. */
    static String outcome(String body) {
        Throwable thrown = catchThrowable(() -> PARSER.parse(event(body)));
        if (thrown != null) {
            return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
        }
        BillingEvent e = PARSER.parse(event(body));
        return e + " " + e.eventId() + " " + e.occurredAt() + " " + e.rawParameters();
    }

    static void assertReadAsTheFullReading(String body) {
        CloudEventReader.Fields fast = CloudEventReader.read(body.getBytes(StandardCharsets.UTF_8));
        if (fast != null) {
            assertThat(fast).as(body).isEqualTo(full(body));
        }
    }

    @Test
    void theOrdinaryEventIsReadInOnePassAsTheFullReadingReadsIt() {
        CloudEventReader.Fields fields = CloudEventReader.read(ORDINARY.getBytes(StandardCharsets.UTF_8));
        assertThat(fields).isNotNull().isEqualTo(full(ORDINARY));
        assertThat(fields.data()).isEqualTo(new CamaraWire.EventData("pay-73018264", null, "succeeded",
                "Payment completed", "2024-05-14T09:21:37.482Z", null, null));
        BillingEvent e = PARSER.parse(event(ORDINARY));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.eventId()).isEqualTo("https%3A%2F%2Fcamara-sim.example%2Fevents evt-482913650271");
        assertThat(e.rawParameters()).containsExactly(java.util.Map.entry("id", "evt-482913650271"),
                java.util.Map.entry("source", "https://camara-sim.example/events"),
                java.util.Map.entry("type", "org.camaraproject.carrier-billing.v0.payment-completed"),
                java.util.Map.entry("specversion", "1.0"), java.util.Map.entry("time", "2024-05-14T09:21:37.482Z"),
                java.util.Map.entry("paymentId", "pay-73018264"), java.util.Map.entry("status", "succeeded"),
                java.util.Map.entry("description", "Payment completed"),
                java.util.Map.entry("paymentDate", "2024-05-14T09:21:37.482Z"));
    }

    @Test
    void unusualBodiesAreLeftToTheFullReading() {
        String payment = "\"paymentId\":\"pay-73018264\"";
        for (String body : List.of(
                // a key repeated, identical or not, in the envelope, in data, or inside another field's object
                ORDINARY.replace("\"type\"", "\"id\":\"evt-482913650271\",\"type\""),
                ORDINARY.replace("\"type\"", "\"id\":\"evt-1\",\"type\""),
                ORDINARY.replace(payment, payment + "," + payment),
                ORDINARY.replace(payment, payment + ",\"paymentId\":\"pay-1\""),
                ORDINARY.replace("\"type\"", "\"x\":1,\"x\":1,\"type\""),
                ORDINARY.replace("\"type\"", "\"x\":1,\"x\":2,\"type\""),
                ORDINARY.replace(payment, payment + ",\"x\":true,\"x\":true"),
                ORDINARY.replace(payment, payment + ",\"x\":true,\"x\":false"),
                // an object or array anywhere but data, whose keys the pass does not check
                ORDINARY.replace("\"type\"", "\"x\":{\"a\":1},\"type\""),
                ORDINARY.replace("\"type\"", "\"x\":[],\"type\""),
                ORDINARY.replace(payment, payment + ",\"x\":{\"a\":1,\"a\":2}"),
                ORDINARY.replace(payment, payment + ",\"x\":[{}]"),
                // a field of the records that is not a string, data that is not an object, numbers in data
                ORDINARY.replace("\"evt-482913650271\"", "482913650271"),
                ORDINARY.replace("\"evt-482913650271\"", "true"),
                ORDINARY.replace("\"evt-482913650271\"", "{}"),
                ORDINARY.replace("\"application/json\"", "[]"),
                ORDINARY.replace("\"pay-73018264\"", "73018264"),
                ORDINARY.replace(payment, payment + ",\"amount\":1.5"),
                ORDINARY.replace(payment, payment + ",\"amount\":1e999999999"),
                ORDINARY.replace(payment, payment + ",\"n\":12345678901234567890123"),
                ORDINARY.replaceFirst("\"data\":\\{.*}}", "\"data\":null}"),
                ORDINARY.replaceFirst("\"data\":\\{.*}}", "\"data\":[]}"),
                // a surrogate in a string of data, which the full reading writes out and reads again
                ORDINARY.replace("pay-73018264", "pay-\\ud800"),
                ORDINARY.replace("Payment completed", "\\ud83d\\ude00"))) {
            assertThat(body).isNotEqualTo(ORDINARY);
            assertThat(CloudEventReader.read(body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "[" + "{}" + "]", "\"text\"", "{", "{\"id\":", "{}x",
        "{\"data\":null}", "{\"data\":\"x\"}"})
    void whatIsNotAnObjectOrNotJsonIsLeftToTheFullReading(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CloudEventReader.Fields fields = CloudEventReader.read(bytes);
        if (body.equals("{}x")) {
            // the records read the first value and ignore what follows: so does the pass
            assertThat(fields).isEqualTo(full(body));
        } else {
            assertThat(fields).as(body).isNull();
        }
    }

    @Test
    void aKeyRepeatedWithDifferentValuesIsRefusedAndAnIdenticalRepeatIsTheSameEvent() {
        String expected = outcome(ORDINARY);
        for (String[] change : new String[][] {
            {"\"id\":\"evt-482913650271\",", "\"id\":\"evt-482913650271\",\"id\":\"evt-482913650271\","},
            {"\"paymentId\":\"pay-73018264\",", "\"paymentId\":\"pay-73018264\",\"paymentId\":\"pay-73018264\","},
            {"\"data\":{", "\"ext\":{\"a\":[1,{\"b\":2,\"b\":2}]},\"data\":{\"x\":{\"c\":1,\"c\":1},"},
        }) {
            assertThat(outcome(ORDINARY.replace(change[0], change[1]))).as(change[1]).isEqualTo(expected);
        }
        for (String[] change : new String[][] {
            {"\"id\":\"evt-482913650271\",", "\"id\":\"evt-482913650271\",\"id\":\"evt-1\","},
            {"\"paymentId\":\"pay-73018264\",", "\"paymentId\":\"pay-73018264\",\"paymentId\":\"pay-1\","},
            {"\"status\":\"succeeded\",", "\"status\":\"succeeded\",\"status\":\"failed\","},
            {"\"data\":{", "\"ext\":{\"a\":[1,{\"b\":2,\"b\":3}]},\"data\":{"},
            {"\"data\":{", "\"data\":{\"x\":{\"c\":1,\"c\":2},"},
            {"\"data\":{", "\"x\":1,\"x\":2,\"data\":{"},
        }) {
            assertThatThrownBy(() -> PARSER.parse(event(ORDINARY.replace(change[0], change[1]))))
                    .as(change[1]).isInstanceOf(NotificationRejectedException.class);
        }
    }

    @Test
    void escapedStringsOddWhitespaceAndNestedDataAreReadAsBefore() {
        List<String> bodies = List.of(
                ORDINARY.replace("\"evt-482913650271\"", "\"evt-\\u0034\\u00382913650271\""),
                ORDINARY.replace("https://camara-sim.example/events", "https:\\/\\/camara-sim.example\\/events"),
                ORDINARY.replace("Payment completed", "Payment \\\"completed\\\"\\n\\t\\u00e9\\u20ac"),
                ORDINARY.replace("Payment completed", "Paiement effectu\u00e9 \u20ac"),
                ORDINARY.replace("\",", "\" ,\n\t ").replace("\":", "\"\r\n : ").replace("{", "{ ")
                        .replace("}", "\n}\n"),
                ORDINARY.replace("\"data\":{", "\"data\":{\"extra\":\"x\",\"flag\":true,\"none\":null,"),
                ORDINARY.replace("\"data\":{", "\"data\":{\"nested\":{\"a\":[1,2.5,{\"b\":\"c\"}]},"),
                ORDINARY.replace("\"data\":{", "\"subject\":\"pay-1\",\"sequence\":42,\"rate\":1.5e3,\"data\":{"),
                ORDINARY.replace("\"data\":{", "\"extension\":{\"a\":{\"b\":[]}},\"data\":{"),
                ORDINARY.replace("\"specversion\":\"1.0\",", "").replace("}}", "},\"specversion\":\"1.0\"}"),
                ORDINARY.replace("\"description\":\"Payment completed\"", "\"description\":null"),
                ORDINARY.replace("\"description\":\"Payment completed\"", "\"description\":\"\""),
                ORDINARY.replace("\"id\":\"evt-482913650271\"", "\"id\":482913650271"),
                ORDINARY.replace("\"paymentId\":\"pay-73018264\"", "\"paymentId\":73018264"),
                ORDINARY.replace("Payment completed", "\\ud83d\\ude00 \\ud800 lone"),
                ORDINARY.replace("evt-482913650271", "evt \\ud800 lone / \u00e9 + * ~"),
                ORDINARY + "  trailing text");
        for (String body : bodies) {
            assertReadAsTheFullReading(body);
            assertThat(outcome(body)).as(body).doesNotContain("Exception");
        }
        assertThat(outcome(bodies.get(0))).isEqualTo(outcome(ORDINARY));
        assertThat(outcome(bodies.get(1))).isEqualTo(outcome(ORDINARY));
        assertThat(outcome(bodies.get(4))).isEqualTo(outcome(ORDINARY));
        assertThat(outcome(bodies.get(5))).isEqualTo(outcome(ORDINARY));
        assertThat(outcome(bodies.get(6))).isEqualTo(outcome(ORDINARY));
        assertThat(PARSER.parse(event(bodies.get(2))).rawParameters().get("description"))
                .isEqualTo("Payment \"completed\"\n\t\u00e9\u20ac");
        assertThat(PARSER.parse(event(bodies.get(12))).eventId()).endsWith(" 482913650271");
        // surrogates in data, paired or not, are kept as received (the full reading reads them)
        assertThat(PARSER.parse(event(bodies.get(14))).rawParameters().get("description"))
                .isEqualTo("\ud83d\ude00 \ud800 lone");
        assertThat(PARSER.parse(event(bodies.get(15))).eventId()).isEqualTo("https%3A%2F%2Fcamara-sim.example%2Fevents "
                + URLEncoder.encode("evt \ud800 lone / \u00e9 + * ~", StandardCharsets.UTF_8));
    }

    @Test
    void missingAndInvalidFieldsAreRefusedNamingTheField() {
        for (String field : List.of("id", "source", "type", "time", "specversion")) {
            String body = ORDINARY.replaceFirst("\"" + field + "\":\"[^\"]*\",?", "");
            assertThat(outcome(body)).as(field).startsWith("DcbProtocolException").contains(field);
            String blank = ORDINARY.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\" \"");
            assertThat(outcome(blank)).as(field).startsWith("DcbProtocolException").contains(field);
            String nul = ORDINARY.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":null");
            assertThat(outcome(nul)).as(field).startsWith("DcbProtocolException").contains(field);
        }
        assertThat(outcome(ORDINARY.replace("\"1.0\"", "\"1.00\""))).contains("specversion");
        assertThat(outcome(ORDINARY.replace("\"paymentId\":\"pay-73018264\",", ""))).contains("data.paymentId");
        assertThat(outcome(ORDINARY.replace("2024-05-14T09:21:37.482Z\"}", "2024-05-14T25:21:37.482Z\"}")))
                .startsWith("DcbProtocolException").contains("data.paymentDate");
        assertThat(outcome(ORDINARY.replace("\"time\":\"2024-05-14T09:21:37.482Z\"", "\"time\":\"2024-05-14\"")))
                .startsWith("DcbProtocolException").contains("'time'");
        assertThat(outcome(ORDINARY.substring(0, ORDINARY.indexOf(",\"data\"")) + "}"))
                .startsWith("DcbProtocolException: CloudEvent 'data' is missing or not an object");
        assertThat(outcome(ORDINARY.replaceFirst("\"data\":\\{.*}}", "\"data\":\"x\"}")))
                .startsWith("DcbProtocolException: CloudEvent 'data' is missing or not an object");
        assertThat(outcome(ORDINARY.replace("\"id\":\"evt-482913650271\"", "\"id\":{}")))
                .startsWith("DcbProtocolException").contains("unreadable");
        assertThat(outcome(ORDINARY.replace("\"paymentId\":\"pay-73018264\"", "\"paymentId\":[]")))
                .startsWith("DcbProtocolException").contains("unreadable");
        assertThat(outcome(ORDINARY.replace("\"data\":{", "\"data\":{\"amount\":1e999999999,")))
                .startsWith("DcbProtocolException").contains("out of range");
        assertThat(outcome(ORDINARY.replace("evt-482913650271", "e".repeat(1025)))).contains("longer than 1024");
        assertThat(outcome("{\"id\":")).startsWith("DcbProtocolException").contains("unreadable");
        assertThat(outcome("")).startsWith("DcbProtocolException").contains("empty");
    }

    @Test
    void aWrongTokenOfTheSameLengthIsRefused() {
        String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "n";
        assertThat(wrong).hasSameSizeAs(TOKEN).isNotEqualTo(TOKEN);
        for (String authorization : List.of("Bearer " + wrong, "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + "x".repeat(TOKEN.length()), "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.replace('7', '\u00b7'))) {
            InboundNotification n = InboundNotification.builder("POST").header("Authorization", authorization)
                    .header("Content-Type", "application/cloudevents+json")
                    .body(ORDINARY.getBytes(StandardCharsets.UTF_8)).build();
            assertThatThrownBy(() -> PARSER.parse(n)).as(authorization)
                    .isInstanceOf(NotificationRejectedException.class)
                    .hasMessageStartingWith("sink credential does not match");
        }
        InboundNotification spaced = InboundNotification.builder("POST")
                .header("Authorization", "BEARER  " + TOKEN + " ")
                .header("Content-Type", "application/cloudevents+json")
                .body(ORDINARY.getBytes(StandardCharsets.UTF_8)).build();
        assertThat(PARSER.parse(spaced).type()).isEqualTo(BillingEvent.Type.CHARGED);
    }

    @Test
    void theEventIdIsTheSourceAndIdAsUrlEncoderEncodesThem() {
        List<String> texts = new ArrayList<>(List.of("", " ", "a b", "https://op.example/events?x=1&y=2#z",
                "\u00e9\u20ac", "\ud83d\ude00", "lone \ud800", "lone \udc00 end", "~!@#$%^&*()_+-=[]{}|;':\",./<>?`"));
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
            texts.add(String.valueOf(c));
        }
        texts.add(ascii.toString());
        for (String source : texts) {
            for (String id : List.of("evt-1", "e v t", "\u00e9", ascii.toString())) {
                assertThat(CamaraNotificationParser.eventId(source, id)).isEqualTo(
                        URLEncoder.encode(source, StandardCharsets.UTF_8) + " "
                                + URLEncoder.encode(id, StandardCharsets.UTF_8));
                assertThat(CamaraNotificationParser.eventId(id, source)).isEqualTo(
                        URLEncoder.encode(id, StandardCharsets.UTF_8) + " "
                                + URLEncoder.encode(source, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void eventsFromAnotherSourceHaveTheirOwnIds() {
        // the parser keeps the last source's encoding: a change of source, or a source beyond ASCII, is encoded anew
        CamaraNotificationParser parser = CamaraNotificationParser.create();
        for (String source : List.of("https://a.example/e", "https://a.example/e", "https://b.example/e",
                "https://\u00e9.example/e", "https://a.example/e", "urn:a b")) {
            for (String id : List.of("evt-1", "evt 2", "\u00e9vt")) {
                String body = ORDINARY.replace("https://camara-sim.example/events", source)
                        .replace("evt-482913650271", id);
                assertThat(parser.parse(event(body)).eventId()).as(source + " " + id)
                        .isEqualTo(CamaraNotificationParser.eventId(source, id));
            }
        }
    }

    @Test
    void shuffledAndDecoratedEventsAreReadAsTheFullReadingReadsThem() {
        // a fixed seed: the same bodies in every build
        Random random = new Random(20_240_514L);
        String[] envelope = {"\"id\":\"evt-1\"", "\"source\":\"https://op.example/e\"",
            "\"type\":\"org.camaraproject.carrier-billing-refund.v0.refund-completed\"", "\"specversion\":\"1.0\"",
            "\"datacontenttype\":\"application/json\"", "\"time\":\"2024-05-14T09:21:37+02:00\""};
        String[] data = {"\"paymentId\":\"pay-1\"", "\"refundId\":\"rf-1\"", "\"status\":\"succeeded\"",
            "\"description\":\"R\\u00e9fund\"", "\"refundDate\":\"2024-05-14T09:21:36.5Z\"",
            "\"denialReason\":null"};
        String[] extras = {"\"x\":1", "\"x\":\"1\"", "\"x\":true", "\"x\":null", "\"x\":{\"a\":1}", "\"x\":[1]",
            "\"x\":1.25", "\"id\":\"evt-1\"", "\"id\":\"evt-2\"", "\"paymentId\":\"pay-1\"", "\"paymentId\":7",
            "\"y\":\"\\ud800\"", "\"status\":\"failed\""};
        String[] spaces = {"", " ", "\n", "\t ", "\r\n  "};
        int readInOnePass = 0;
        for (int i = 0; i < 500; i++) {
            List<String> top = new ArrayList<>(List.of(envelope));
            List<String> inside = new ArrayList<>(List.of(data));
            for (int k = random.nextInt(3); k > 0; k--) {
                (random.nextBoolean() ? top : inside).add(extras[random.nextInt(extras.length)]);
            }
            if (random.nextInt(8) == 0) {
                top.remove(random.nextInt(top.size()));
            }
            java.util.Collections.shuffle(top, random);
            java.util.Collections.shuffle(inside, random);
            String space = spaces[random.nextInt(spaces.length)];
            top.add(random.nextInt(top.size() + 1),
                    "\"data\":" + space + "{" + String.join("," + space, inside) + "}");
            String body = "{" + space + String.join(space + "," + space, top) + space + "}";
            CloudEventReader.Fields fast = CloudEventReader.read(body.getBytes(StandardCharsets.UTF_8));
            if (fast != null) {
                readInOnePass++;
                assertThat(fast).as(body).isEqualTo(full(body));
            }
        }
        assertThat(readInOnePass).isGreaterThan(150);
    }
}
