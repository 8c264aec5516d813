package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesPlusAndPercentAndKeepsRepeatedKeys() {
        Map<String, List<String>> q = QueryString.parse(
                "?action=RENEW&date=2022-02-17+15%3A11%3A18&tag=a&tag=b&name=caf%C3%A9&empty=&flag");
        assertThat(q.get("action")).containsExactly("RENEW");
        assertThat(q.get("date")).containsExactly("2022-02-17 15:11:18");
        assertThat(q.get("tag")).containsExactly("a", "b");
        assertThat(q.get("name")).containsExactly("café");
        assertThat(q.get("empty")).containsExactly("");
        assertThat(q.get("flag")).containsExactly("");
        assertThat(q.keySet()).containsExactly("action", "date", "tag", "name", "empty", "flag");
    }

    @Test
    void keepsMalformedEscapesLiterally() {
        Map<String, List<String>> q = QueryString.parse("a=100%&b=%zz&c=%4&d=ok%2");
        assertThat(q.get("a")).containsExactly("100%");
        assertThat(q.get("b")).containsExactly("%zz");
        assertThat(q.get("c")).containsExactly("%4");
        assertThat(q.get("d")).containsExactly("ok%2");
    }

    @Test
    void copesWithTheMangledCurrencyParameter() {
        // the Infomedia document's "&currencyCode" was rendered as "¤cyCode"
        Map<String, List<String>> q = QueryString.parse("chargeAmount=20\u00a4cyCode=AED&transactionStatus=00");
        assertThat(q.get("chargeAmount")).containsExactly("20\u00a4cyCode=AED");
        assertThat(q.get("transactionStatus")).containsExactly("00");
    }

    @Test
    void emptyInputsGiveEmptyMaps() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
        assertThat(QueryString.parse("?")).isEmpty();
        assertThat(QueryString.parse("&&=x&")).isEmpty();
    }

    @Test
    void inboundNotificationSplitsUrls() {
        InboundNotification n = InboundNotification.get("https://shop.example/cb/ek?action=SUB&subscriptionid=1#frag");
        assertThat(n.method()).isEqualTo("GET");
        assertThat(n.path()).isEqualTo("/cb/ek");
        assertThat(n.query("action")).contains("SUB");
        assertThat(n.queryIgnoreCase("SUBSCRIPTIONID")).contains("1");
        assertThat(InboundNotification.get("https://shop.example?x=1").path()).isEqualTo("/");
        assertThat(InboundNotification.get("/only/path").queryParameters()).isEmpty();
        InboundNotification post = InboundNotification.postJson("/cb", "{\"a\":1}");
        assertThat(post.header("content-type")).contains("application/json");
        assertThat(post.bodyText()).isEqualTo("{\"a\":1}");
    }
}
