package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A parameter given twice with different values is a refused callback; identical repeats count once. */
class AmbiguousParametersTest {

    static Map<String, String> single(boolean ignoreCase, String... rawSources) {
        return QueryString.singleValues("infomedia", ignoreCase,
                java.util.Arrays.stream(rawSources).map(QueryString::parse).toList());
    }

    @Test
    void differentValuesOfOneParameterAreRefusedNamingTheParameterOnly() {
        assertThatThrownBy(() -> single(true, "msisdn=971500000000&etid=1&etid=2"))
                .isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("'etid'").hasMessageContaining("different values")
                .hasMessageNotContaining("971500000000")
                .satisfies(e -> assertThat(((NotificationRejectedException) e).provider()).isEqualTo("infomedia"))
                .satisfies(e -> assertThat(((NotificationRejectedException) e).context().operation())
                        .isEqualTo("parseNotification"));
        // a blank repeat is a different value too: the parser cannot know which one was meant
        assertThatThrownBy(() -> single(true, "etid=1&etid=")).isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void identicalRepeatsAreOneValue() {
        assertThat(single(true, "etid=1&msisdn=9715&etid=1&ETID=1")).containsExactly(
                Map.entry("etid", "1"), Map.entry("msisdn", "9715"));
        assertThat(single(true, "a=x+y&a=x%20y")).containsExactly(Map.entry("a", "x y"));
    }

    @Test
    void namesAreComparedAsTheParserReadsThem() {
        // the case-insensitive parsers read Action and action as one parameter
        assertThatThrownBy(() -> single(true, "action=SUB&Action=UNSUB"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'Action'");
        assertThat(single(false, "action=SUB&Action=UNSUB")).containsExactly(
                Map.entry("action", "SUB"), Map.entry("Action", "UNSUB"));
        // surrounding whitespace in a name does not make another parameter
        assertThatThrownBy(() -> single(true, "status=subscribed&%20status=unsubscribed"))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void theQueryAndTheBodyAreOneSetOfParameters() {
        assertThat(single(true, "action=SUB&secret=s", "action=SUB&transaction=1")).containsExactly(
                Map.entry("action", "SUB"), Map.entry("secret", "s"), Map.entry("transaction", "1"));
        assertThatThrownBy(() -> single(true, "action=SUB", "action=UNSUB"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'action'");
    }

    @Test
    void aHostileNameIsShownShortAndPrintable() {
        String name = "x\r\nInjected: 1\u202e" + "n".repeat(10_000);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> QueryString.singleValues("eklectic", true,
                List.of(Map.of(name, List.of("1", "2")))));
        assertThat(t).isInstanceOf(NotificationRejectedException.class);
        assertThat(t.getMessage()).doesNotContain("\r", "\n", "\u202e").hasSizeLessThan(300);
    }

    static InboundNotification json(String body) {
        return InboundNotification.postJson("/cb", body);
    }

    @Test
    void aJsonBodyWithAKeyTwiceAndDifferentValuesIsRefused() {
        for (String body : List.of(
                "{\"status\":\"Charged\",\"amount\":1,\"status\":\"Denied\"}",
                "{\"paymentId\":1,\"paymentId\":2}",
                "{\"amount\":\"1\",\"amount\":1}",
                "{\"data\":{\"status\":\"SUCCESSFUL\",\"status\":\"ERROR\"}}",
                "{\"items\":[{\"a\":1},{\"a\":1,\"a\":null}]}",
                "{\"o\":{\"x\":1},\"o\":{\"x\":2}}")) {
            assertThatThrownBy(() -> json(body).requireUnambiguousJsonBody("eclipse-vas")).as(body)
                    .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("more than once");
        }
        assertThatThrownBy(() -> json("{\"status\":\"SUCCESSFUL\",\"status\":\"ERROR\"}")
                .requireUnambiguousJsonBody("eclipse-vas")).hasMessageContaining("'status'")
                .hasMessageNotContaining("SUCCESSFUL").hasMessageNotContaining("ERROR");
    }

    @Test
    void identicalJsonRepeatsAndOtherBodiesPass() {
        for (String body : List.of(
                "{\"status\":\"Charged\",\"status\":\"Charged\"}",
                "{\"amount\":100.00,\"amount\":100.0}",
                "{\"o\":{\"x\":[1,{\"y\":true}]},\"o\":{\"x\":[1,{\"y\":true}]}}",
                "{\"a\":1,\"b\":1}",
                "[{\"a\":1},{\"a\":2}]",
                "not json at all",
                "{\"truncated\":",
                "")) {
            json(body).requireUnambiguousJsonBody("eclipse-vas");
        }
        InboundNotification.builder("POST").body("a=1&a=2".getBytes(StandardCharsets.UTF_8)).build()
                .requireUnambiguousJsonBody("centili");
    }
}
