package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A callback's parameters, read once: one value per name in any case, differing repeats refused. */
class CallbackParametersTest {

    private static CallbackParameters query(String url) {
        return CallbackParameters.builder("infomedia").query(InboundNotification.get(url)).build();
    }

    @Test
    void oneValuePerNameInOrderOfFirstAppearanceAsFirstSpelled() {
        CallbackParameters p = query("/cb?etid=5&%20msisdn%20=971500000000&ETID=5&pt=a+b&empty=");
        assertThat(p).containsExactly(Map.entry("etid", "5"), Map.entry("msisdn", "971500000000"),
                Map.entry("pt", "a b"), Map.entry("empty", ""));
        assertThat(p.valueOr("ETID", null)).isEqualTo("5");
        assertThat(p.value("MSISDN")).contains("971500000000");
        assertThat(p.value("missing")).isEmpty();
        assertThat(p.valueOr("missing", "fallback")).isEqualTo("fallback");
        assertThat(p.get("ETID")).as("Map.get is exact").isNull();
        assertThat(p.get("etid")).isEqualTo("5");
        assertThat(p.containsKey("pt")).isTrue();
        assertThat(p.getOrDefault("nope", "d")).isEqualTo("d");
    }

    @Test
    void differentValuesOfOneParameterAreRefusedWhereverTheyCameFrom() {
        assertThatThrownBy(() -> query("/cb?etid=1&msisdn=971500000000&Etid=2"))
                .isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("'Etid'").hasMessageNotContaining("971500000000")
                .satisfies(e -> assertThat(((NotificationRejectedException) e).reason())
                        .isEqualTo(NotificationRejectedException.Reason.AMBIGUOUS));
        InboundNotification n = InboundNotification.get("/cb?action=SUB");
        assertThatThrownBy(() -> CallbackParameters.builder("eklectic").query(n).form("ACTION=UNSUB"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'ACTION'");
        assertThatThrownBy(() -> CallbackParameters.builder("centili").query(n)
                .add(Map.of(" action ", List.of("UNSUB")))).isInstanceOf(NotificationRejectedException.class);
        assertThatThrownBy(() -> CallbackParameters.builder("centili").add("a", "1").add("A", ""))
                .as("a blank repeat is a different value too").isInstanceOf(NotificationRejectedException.class);
        assertThat(CallbackParameters.builder("centili").query(n).form("action=SUB&b=1").add("B", "1").build())
                .containsExactly(Map.entry("action", "SUB"), Map.entry("b", "1"));
    }

    @Test
    void namesEqualIgnoringCaseOrEqualInLowerCaseAreOneParameter() {
        // equal ignoring case only: the dotless i upper-cases to I
        assertThatThrownBy(() -> CallbackParameters.builder("p").add("etid", "1").add("et\u0131d", "2"))
                .isInstanceOf(NotificationRejectedException.class);
        // equal in lower case only: the dotted capital I lower-cases to i and a combining dot
        assertThatThrownBy(() -> CallbackParameters.builder("p").add("\u0130d", "1").add("i\u0307d", "2"))
                .isInstanceOf(NotificationRejectedException.class);
        // the Kelvin sign is a k both ways
        CallbackParameters p = CallbackParameters.builder("p").add("\u212Aey", "v").add("key", "v").build();
        assertThat(p).containsExactly(Map.entry("\u212Aey", "v"));
        assertThat(p.valueOr("KEY", null)).isEqualTo("v");
        assertThat(CallbackParameters.builder("p").add("\u0130d", "1").build().valueOr("i\u0307D", null))
                .isEqualTo("1");
        assertThat(CallbackParameters.builder("p").add("caf\u00e9", "1").add("CAF\u00c9", "1").build())
                .containsExactly(Map.entry("caf\u00e9", "1"));
    }

    @Test
    void theExactSpellingWinsALookUp() {
        CallbackParameters p = CallbackParameters.builder("p").add("\u212Aey", "kelvin").build();
        assertThat(p.valueOr("\u212Aey", null)).isEqualTo("kelvin");
        assertThat(p.valueOr("key", null)).isEqualTo("kelvin");
        assertThat(p.valueOr("k", null)).isNull();
    }

    @Test
    void withoutLeavesOutEverySpellingOfAName() {
        CallbackParameters p = query("/cb?a=1&Secret=s&b=2");
        CallbackParameters without = p.without("SECRET");
        assertThat(without).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(without.valueOr("secret", null)).isNull();
        assertThat(p).containsKey("Secret");
        assertThat(p.without("other")).isSameAs(p);
        assertThat(query("/cb?secret=s").without(" secret ")).isEmpty();
        assertThat(query("/cb?secret=s&secret=s").without("secret")).isEmpty();
        // a differing repeat of the secret is refused before anything is left out
        assertThatThrownBy(() -> query("/cb?secret=a&SECRET=b")).isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void itIsAnImmutableMapLikeAnyOther() {
        CallbackParameters p = query("/cb?b=2&a=1&c=3");
        Map<String, String> same = new LinkedHashMap<>();
        same.put("b", "2");
        same.put("a", "1");
        same.put("c", "3");
        assertThat(p).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(same).isEqualTo(p);
        assertThat(p.toString()).isEqualTo(same.toString());
        assertThat(p.keySet()).containsExactly("b", "a", "c");
        assertThat(p.values()).containsExactly("2", "1", "3");
        assertThatThrownBy(() -> p.put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(p::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.keySet().removeIf(k -> true)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(p).hasSize(3);
        assertThat(CallbackParameters.empty()).isEmpty();
        assertThat(query("/cb")).isEmpty();
    }

    @Test
    void aBuilderCanGoOnAfterBuildingWithoutChangingWhatItBuilt() {
        CallbackParameters.Builder b = CallbackParameters.builder("p").add("a", "1");
        CallbackParameters first = b.build();
        for (int i = 0; i < 40; i++) {
            b.add("n" + i, "v" + i);
        }
        CallbackParameters second = b.build();
        assertThat(first).containsExactly(Map.entry("a", "1"));
        assertThat(second).hasSize(41).containsEntry("n39", "v39");
        assertThat(second.valueOr("N20", null)).isEqualTo("v20");
    }

    @Test
    void nullNamesAndValuesAreSkipped() {
        Map<String, List<String>> source = new LinkedHashMap<>();
        source.put(null, List.of("x"));
        source.put("a", null);
        source.put("b", java.util.Arrays.asList("1", null));
        assertThat(CallbackParameters.builder("p").add(source).add(null, "y").add("c", null).build())
                .containsExactly(Map.entry("b", "1"));
    }

    @Test
    void anEventKeepsTheParametersAndItsBuilderCopiesBeforeAnyChange() {
        CallbackParameters p = query("/cb?a=1&b=2");
        BillingEvent.Builder b = BillingEvent.builder("p", BillingEvent.Type.CHARGED, "e1").rawParameters(p);
        BillingEvent first = b.build();
        assertThat(first.rawParameters()).isEqualTo(p);
        b.rawParameters(Map.of("c", "3"));
        BillingEvent second = b.build();
        b.rawParameters(Map.of("d", "4"));
        BillingEvent third = b.build();
        assertThat(first.rawParameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(second.rawParameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"),
                Map.entry("c", "3"));
        assertThat(third.rawParameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"),
                Map.entry("c", "3"), Map.entry("d", "4"));
        assertThatThrownBy(() -> second.rawParameters().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("k", "v");
        plain.put("n", null);
        BillingEvent fromPlain = BillingEvent.builder("p", BillingEvent.Type.CHARGED, "e2").rawParameters(plain)
                .build();
        plain.put("k", "changed");
        assertThat(fromPlain.rawParameters()).containsExactly(Map.entry("k", "v"));
        assertThat(BillingEvent.builder("p", BillingEvent.Type.CHARGED, "e3").build().rawParameters()).isEmpty();
    }

    @Test
    void aFormBodyIsReadLikeAQuery() {
        InboundNotification n = InboundNotification.builder("POST").uri("/cb?a=1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("b=x+y&c=%C3%A9".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(CallbackParameters.builder("p").query(n).form(n.bodyText()).build()).containsExactly(
                Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("c", "\u00e9"));
    }
}
