package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The query is read into name/value pairs in one pass, with {@code %} and {@code +} found by searching ahead
 * rather than per character, and grouped into a map only when asked for. These examples pin the decoding to
 * what the character-by-character reader (kept below as {@link #reference}) gave for every edge case.
 */
class QueryStringPairsTest {

    /** Inputs where a faster reader could go wrong: escapes at the edges, runs, '+' next to '%', repeats. */
    static final List<String> EDGE_CASES = List.of(
            "", "?", "??a=1", "&", "&&=x&", "a", "a=", "=a", "a==b", "a=b=c", "?a=1&b=2", "a=1&a=2&a=1",
            "a=x+y", "a+b=c+d", "a=%2B", "a=%2b+%2B", "a=+", "a=++%20++", "k%3Dv=a%26b", "a=%", "a=%4", "a=%zz",
            "a=100%&b=%zz&c=%4&d=ok%2", "a=%41%42%43", "a=%41+%42", "a=%C3%A9", "a=caf%C3%A9&b=%E2%82%AC",
            "a=%C3%28", "a=%E2%82", "a=%E2%82x%AC", "a=%FF%FE", "a=%C3", "a=%C3%A9%C3", "%61=1&%41=2",
            "a=1&b=x+y&c=%41&d=p+q&e=%42+%43&f=plain", "a=%41&b=x+y", "a=x+y&b=%41&c=1+2", "a=%41&b=plain&c=x+y",
            "a=\u00e9+\u20ac", "chargeAmount=20\u00a4cyCode=AED&transactionStatus=00",
            "chargeAmount=20%C2%A4cyCode=AED", "a=%ef%bc%90", "a=%\uff10\uff10", "%20a%20=%20b%20",
            "a=1#frag", "a=%0A%0D%00", "date=2022-02-17+15%3A11%3A18&tag=a&tag=b&name=caf%C3%A9&empty=&flag");

    @Test
    void pairsKeepEveryValueInOrder() {
        assertThat(QueryString.pairs("?a=1&b=x+y&a=2&c&=z&&d=%41")).containsExactly(
                "a", "1", "b", "x y", "a", "2", "c", "", "d", "A");
        assertThat(QueryString.pairs("/cb?x=1&y=2", 3)).containsExactly("x", "1", "y", "2");
        assertThat(QueryString.pairs("/cb?", 3)).isEmpty();
        assertThat(QueryString.pairs(null)).isEmpty();
    }

    @Test
    void plusAndEscapesDecodeAsBefore() {
        assertThat(QueryString.parse("a=x+y&b=%2B&c=a%2b+%2B&d=++").get("c")).containsExactly("a+ +");
        assertThat(QueryString.parse("a=x+y&b=%2B").get("b")).containsExactly("+");
        assertThat(QueryString.parse("a+b=c").keySet()).containsExactly("a b");
        assertThat(QueryString.parse("k%3Dv=a%26b")).containsExactly(Map.entry("k=v", List.of("a&b")));
        // a '+' in a later component than an escape, and an escape after a '+': each component on its own
        assertThat(QueryString.parse("a=%41&b=x+y&c=plain&d=%42+%43")).containsExactly(
                Map.entry("a", List.of("A")), Map.entry("b", List.of("x y")), Map.entry("c", List.of("plain")),
                Map.entry("d", List.of("B C")));
        // a malformed UTF-8 run becomes U+FFFD; a run is decoded on its own, a literal character ends it
        assertThat(QueryString.parse("a=%C3%28").get("a")).containsExactly("\ufffd(");
        assertThat(QueryString.parse("a=%E2%82x%AC").get("a")).containsExactly("\ufffdx\ufffd");
        assertThat(QueryString.parse("a=100%&b=%zz&c=%4").get("a")).containsExactly("100%");
    }

    @Test
    void everyEdgeCaseReadsAsTheCharacterByCharacterReaderReadIt() {
        for (String raw : EDGE_CASES) {
            assertThat(QueryString.parse(raw)).as(raw).isEqualTo(reference(raw));
            assertThat(InboundNotification.get("/cb?" + raw).queryParameters()).as(raw)
                    .isEqualTo(reference(cutFragment(raw)));
            assertThat(InboundNotification.builder("GET").rawQuery(raw).build().queryParameters()).as(raw)
                    .isEqualTo(reference(raw));
        }
    }

    @Test
    void theGroupedViewAndTheLookupsAgreeWithThePairs() {
        InboundNotification n = InboundNotification.get("/cb?b=2&A=1&a=3&b=2&c=");
        assertThat(n.query("a")).contains("3");
        assertThat(n.query("A")).contains("1");
        assertThat(n.query("b")).contains("2");
        assertThat(n.query("z")).isEmpty();
        assertThat(n.queryIgnoreCase("a")).contains("3");
        assertThat(n.queryIgnoreCase("B")).contains("2");
        assertThat(n.firstQueryValues()).containsExactly(Map.entry("b", "2"), Map.entry("A", "1"),
                Map.entry("a", "3"), Map.entry("c", ""));
        assertThat(n.queryParameters()).containsExactly(Map.entry("b", List.of("2", "2")), Map.entry("A", List.of("1")),
                Map.entry("a", List.of("3")), Map.entry("c", List.of("")));
        assertThat(n).isEqualTo(InboundNotification.get("/cb?b=2&A=1&a=3&b=2&c="))
                .hasSameHashCodeAs(InboundNotification.get("/cb?b=2&A=1&a=3&b=2&c="));
        assertThat(n.toString()).contains("4 query parameters");
    }

    @Test
    void decodedParametersGivenByAServletAreReadAsGiven() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("secret", List.of("s", "s"));
        given.put("none", List.of());
        given.put("a", List.of("1"));
        InboundNotification n = InboundNotification.builder("GET").queryParameters(given).build();
        assertThat(n.queryParameters()).isEqualTo(given);
        assertThat(n.query("none")).isEmpty();
        assertThat(n.firstQueryValues()).containsExactly(Map.entry("secret", "s"), Map.entry("none", ""),
                Map.entry("a", "1"));
        NotificationSecurity.requireSharedSecret("p", n, "secret", "s");
        assertThat(CallbackParameters.builder("p").query(n).build()).containsExactly(Map.entry("secret", "s"),
                Map.entry("a", "1"));
    }

    @Test
    void theBodyIsTheNotificationsOwn() {
        byte[] bytes = "a=1".getBytes(StandardCharsets.UTF_8);
        InboundNotification.Builder b = InboundNotification.builder("POST").body(bytes);
        InboundNotification n = b.build();
        bytes[0] = 'x';
        n.body()[0] = 'y';
        assertThat(n.bodyText()).isEqualTo("a=1");
        assertThat(b.body("b=2".getBytes(StandardCharsets.UTF_8)).build().bodyText()).isEqualTo("b=2");
        assertThat(n.bodyText()).isEqualTo("a=1");
    }

    private static String cutFragment(String raw) {
        int hash = raw.indexOf('#');
        return hash < 0 ? raw : raw.substring(0, hash);
    }

    /** The reader before the pairs: character by character, a ByteArrayOutputStream per escape run. */
    static Map<String, List<String>> reference(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        String s = raw.charAt(0) == '?' ? raw.substring(1) : raw;
        Map<String, List<String>> out = new LinkedHashMap<>();
        int start = 0;
        int n = s.length();
        while (start <= n) {
            int amp = s.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = s.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = referenceDecode(s, start, end);
                    value = "";
                } else {
                    key = referenceDecode(s, start, eq);
                    value = referenceDecode(s, eq + 1, end);
                }
                if (!key.isEmpty()) {
                    out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    private static String referenceDecode(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1, to) >= 0) {
                bytes.reset();
                while (i < to && s.charAt(i) == '%' && hex(s, i + 1, to) >= 0) {
                    bytes.write(hex(s, i + 1, to));
                    i += 3;
                }
                sb.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                continue;
            }
            sb.append(c == '+' ? ' ' : c);
            i++;
        }
        return sb.toString();
    }

    private static int hex(String s, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        int hi = Character.digit(s.charAt(i), 16);
        int lo = Character.digit(s.charAt(i + 1), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }
}
