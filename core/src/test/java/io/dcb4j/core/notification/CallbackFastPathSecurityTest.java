package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The checks on the fast paths: the shared secret over the query's pairs, the thread's HMAC, one-parse JSON. */
class CallbackFastPathSecurityTest {

    static final byte[] BODY = "{\"paymentId\":1,\"status\":\"SUCCESSFUL\"}".getBytes(StandardCharsets.UTF_8);

    record Payment(Long paymentId, String status) {
    }

    @Test
    void theSharedSecretIsReadFromEveryValueOfItsExactName() {
        NotificationSecurity.requireSharedSecret("p", InboundNotification.get("/cb?a=1&secret=s&secret=s"), "secret",
                "s");
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("p",
                InboundNotification.get("/cb?secret=s&secret=t"), "secret", "s"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'secret'")
                .hasMessageNotContaining("=t")
                .satisfies(e -> assertThat(((NotificationRejectedException) e).reason())
                        .isEqualTo(NotificationRejectedException.Reason.AMBIGUOUS));
        // the name is exact: another spelling is not the secret
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("p", InboundNotification.get("/cb?SECRET=s"),
                "secret", "s")).isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("p",
                InboundNotification.get("/cb?secret=s%21"), "secret", "s"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("does not match");
        NotificationSecurity.requireSharedSecret("p", InboundNotification.get("/cb?secret=a+b%21"), "secret", "a b!");
        NotificationSecurity.requireSharedSecret("p", InboundNotification.builder("GET")
                .queryParameters(Map.of("secret", List.of("s", "s"))).build(), "secret", "s");
    }

    @Test
    void theThreadsMacIsTheKeysOwnWhateverKeysAlternate() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (String key : new String[] {"key-one", "key-two", "key-one", "key-one-longer", "k"}) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal(BODY);
                assertThat(NotificationSecurity.hmacSha256(key.getBytes(StandardCharsets.UTF_8), BODY)).as(key)
                        .isEqualTo(expected);
                String hex = HexFormat.of().formatHex(expected);
                assertThat(NotificationSecurity.hmacSha256Matches(key, BODY, hex)).as(key).isTrue();
                assertThat(NotificationSecurity.hmacSha256Matches(key + "x", BODY, hex)).as(key).isFalse();
                assertThat(NotificationSecurity.hmacSha256Matches(key, BODY, "SHA256=" + hex.toUpperCase())).isTrue();
            }
        }
        String hex = HexFormat.of().formatHex(NotificationSecurity.hmacSha256("k".getBytes(StandardCharsets.UTF_8),
                BODY));
        // the prefix is sha256= in ASCII letters of any case, nothing that merely case-folds to it
        assertThat(NotificationSecurity.hmacSha256Matches("k", BODY, "\u017Fha256=" + hex)).isFalse();
        assertThat(NotificationSecurity.hmacSha256Matches("k", BODY, "sha256" + hex)).isFalse();
    }

    @Test
    void aJsonBodyIsReadInOneParseAndAnAmbiguousOneIsStillRefusedAsSuch() {
        ErrorContext ctx = ErrorContext.of("eclipse-vas", "parseNotification");
        assertThat(InboundNotification.postJson("/cb", "{\"paymentId\":1,\"status\":\"A\"}")
                .readJsonBody("eclipse-vas", Payment.class, ctx)).isEqualTo(new Payment(1L, "A"));
        assertThat(InboundNotification.postJson("/cb", "{\"paymentId\":1,\"status\":\"A\",\"status\":\"A\"}")
                .readJsonBody("eclipse-vas", Payment.class, ctx)).isEqualTo(new Payment(1L, "A"));
        for (String ambiguous : List.of("{\"paymentId\":1,\"status\":\"A\",\"status\":\"B\"}",
                "{\"paymentId\":\"x\",\"status\":\"A\",\"status\":\"B\"}",
                "{\"paymentId\":1,\"n\":{\"k\":1,\"k\":2}}")) {
            assertThatThrownBy(() -> InboundNotification.postJson("/cb", ambiguous)
                    .readJsonBody("eclipse-vas", Payment.class, ctx)).as(ambiguous)
                    .isInstanceOf(NotificationRejectedException.class)
                    .satisfies(e -> assertThat(((NotificationRejectedException) e).reason())
                            .isEqualTo(NotificationRejectedException.Reason.AMBIGUOUS));
        }
        assertThatThrownBy(() -> InboundNotification.postJson("/cb", "{\"paymentId\":\"x\"}")
                .readJsonBody("eclipse-vas", Payment.class, ctx)).isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> InboundNotification.postJson("/cb", "not json")
                .readJsonBody("eclipse-vas", Payment.class, ctx)).isInstanceOf(DcbProtocolException.class);
    }

    @Test
    void theAmbiguityScanRunsOnlyWhereAKeyRepeatsAndDecidesAsBefore() {
        String[][] cases = {
            {"{\"a\":1,\"b\":{\"c\":[1,{\"d\":2}]}}", null},
            {"{\"a\":1,\"a\":1}", null},
            {"{\"a\":{\"x\":[1,2]},\"a\":{\"x\":[1,2]}}", null},
            {"{\"a\":1,\"a\":2}", "a"},
            {"[{\"k\":1},{\"k\":1,\"k\":\"1\"}]", "k"},
            {"{\"a\":1} {\"b\":1,\"b\":2}", null},
            {"{\"a\":1,\"a\":2", "a"},
            {"not json", null},
            {"{\"a\":1e999999999,\"a\":2}", null},
            {"", null},
        };
        for (String[] c : cases) {
            InboundNotification n = InboundNotification.postJson("/cb", c[0]);
            if (c[1] == null) {
                n.requireUnambiguousJsonBody("p");
            } else {
                assertThatThrownBy(() -> n.requireUnambiguousJsonBody("p")).as(c[0])
                        .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'" + c[1] + "'");
            }
        }
    }
}
