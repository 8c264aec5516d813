package io.dcb4j.core.spi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core mapper's numeric bounds and its refusal of keys repeated with different values. */
class JsonBoundsAndDuplicatesTest {

    record Charge(String status, BigDecimal amount, Inner data, List<Inner> items) {
    }

    record Inner(String state, BigDecimal total) {
    }

    final ErrorContext ctx = ErrorContext.of("test", "chargeStatus").withHttpStatus(200);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hugeExponentsAreProtocolErrorsNamingTheField() {
        for (String amount : List.of("1e999999999", "-1E+999999999", "1e-999999999", "\"1e999999999\"",
                "1e21", "0.000000000000000000001", "12345678901234567890123456789012345678901")) {
            assertThatThrownBy(() -> Json.read(b("{\"status\":\"Charged\",\"amount\":" + amount + "}"), Charge.class,
                    ctx))
                    .as(amount)
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("out of range").hasMessageContaining("at 'amount'")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
        }
        assertThatThrownBy(() -> Json.read(b("{\"data\":{\"total\":1e999999999}}"), Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("at 'data.total'");
        assertThatThrownBy(() -> Json.read(b("{\"items\":[{},{\"total\":9e99}]}"), Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("at 'items[1].total'");
    }

    @Test
    void generousAmountsAreRead() {
        Charge c = Json.read(b("{\"amount\":12345678901234567890.12345678901234567890,\"data\":{\"total\":1E+20}}"),
                Charge.class, ctx);
        assertThat(c.amount()).isEqualByComparingTo("12345678901234567890.12345678901234567890");
        assertThat(c.data().total()).isEqualByComparingTo("100000000000000000000");
        assertThat(Json.read(b("{\"amount\":\"29182.000000000\"}"), Charge.class, ctx).amount())
                .hasToString("29182.000000000");
        assertThat(Json.read(b("{\"amount\":-0.5}"), Charge.class, ctx).amount()).isEqualByComparingTo("-0.5");
    }

    @Test
    void treesAreBoundedToo() {
        assertThatThrownBy(() -> Json.tree(b("{\"data\":{\"totalAmountCharged\":1e999999999}}"), ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("out of range");
        assertThat(Json.treeOrNull("[1e999999999]")).isNull();
        assertThat(Json.treeOrNull("{\"a\":1.5,\"b\":\"1e999999999\"}").get("b").asText()).isEqualTo("1e999999999");
    }

    @Test
    void aKeyRepeatedWithDifferentValuesIsAmbiguous() {
        assertThatThrownBy(() -> Json.read(b("{\"status\":\"Charged\",\"amount\":1,\"status\":\"Denied\"}"),
                Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("'status'")
                .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("chargeStatus"));
        assertThatThrownBy(() -> Json.read(b("{\"data\":{\"state\":\"A\",\"state\":\"B\"}}"), Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'state'");
        assertThatThrownBy(() -> Json.read(b("{\"items\":[{\"total\":1},{\"total\":1,\"total\":2}]}"), Charge.class,
                ctx)).isInstanceOf(DcbProtocolException.class).hasMessageContaining("'total'");
        assertThatThrownBy(() -> Json.read(b("{\"amount\":1,\"amount\":\"1\"}"), Charge.class, ctx))
                .as("a number and a string are different values").isInstanceOf(DcbProtocolException.class);
        // a key the DTO does not know is just as ambiguous: nothing tells which one the provider meant
        assertThatThrownBy(() -> Json.read(b("{\"x\":1,\"x\":2}"), Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> Json.tree(b("{\"status\":\"Charged\",\"status\":\"Denied\"}"), ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("ambiguous");
        assertThat(Json.treeOrNull("{\"status\":\"Charged\",\"status\":\"Denied\"}")).isNull();
    }

    @Test
    void identicalRepeatsAreAccepted() {
        Charge c = Json.read(b("{\"status\":\"Charged\",\"amount\":10.00,\"status\":\"Charged\","
                + "\"data\":{\"state\":\"A\",\"total\":1},\"data\":{\"state\":\"A\",\"total\":1},"
                + "\"items\":[{\"state\":\"B\"}],\"items\":[{\"state\":\"B\"}]}"),
                Charge.class, ctx);
        assertThat(c.status()).isEqualTo("Charged");
        assertThat(c.amount()).hasToString("10.00");
        assertThat(c.data().state()).isEqualTo("A");
        assertThat(c.items()).extracting(Inner::state).containsExactly("B");
        JsonNode tree = Json.treeOrNull("{\"a\":{\"b\":1,\"b\":1},\"a\":{\"b\":1,\"b\":1}}");
        assertThat(tree.get("a").get("b").asInt()).isEqualTo(1);
        assertThat(Json.tree(b("{\"a\":null,\"a\":null}"), ctx).get("a").isNull()).isTrue();
    }

    @Test
    void theSameKeyInDifferentObjectsIsNoRepeat() {
        Charge c = Json.read(b("{\"status\":\"S\",\"data\":{\"state\":\"A\",\"status\":\"T\"},"
                + "\"items\":[{\"state\":\"A\"},{\"state\":\"B\"}]}"), Charge.class, ctx);
        assertThat(c.items()).extracting(Inner::state).containsExactly("A", "B");
    }

    @Test
    void aRepeatIsFoundWhereverItIsAlsoInWhatTheDtoSkipsAndInObjectsOfManyKeys() {
        // in a field the DTO does not have, nested in objects and arrays
        assertThatThrownBy(() -> Json.read(b("{\"status\":\"S\",\"extra\":[[{\"deep\":{\"k\":1,\"k\":2}}]]}"),
                Charge.class, ctx)).isInstanceOf(DcbProtocolException.class).hasMessageContaining("'k'");
        // after the other keys of an inner object closed
        assertThatThrownBy(() -> Json.read(b("{\"data\":{\"state\":\"A\"},\"amount\":1,\"data\":{\"state\":\"B\"}}"),
                Charge.class, ctx)).isInstanceOf(DcbProtocolException.class).hasMessageContaining("'data'");
        for (int keys : new int[] {31, 32, 33, 34, 80}) {
            StringBuilder many = new StringBuilder("{\"status\":\"S\"");
            for (int i = 0; i < keys; i++) {
                many.append(",\"k").append(i).append("\":").append(i);
            }
            String distinct = many + "}";
            assertThat(Json.read(b(distinct), Charge.class, ctx).status()).as(keys + " keys").isEqualTo("S");
            for (String repeated : List.of("status", "k0", "k" + (keys - 1))) {
                assertThatThrownBy(() -> Json.read(b(many + ",\"" + repeated + "\":\"again\"}"), Charge.class, ctx))
                        .as(keys + " keys, " + repeated + " again").isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("'" + repeated + "'");
            }
        }
        // keys differing only in case are different keys
        assertThat(Json.read(b("{\"status\":\"S\",\"Status\":\"T\",\"STATUS\":\"U\"}"), Charge.class, ctx)
                .status()).isEqualTo("S");
    }

    @Test
    void brokenJsonWithARepeatIsStillUnreadable() {
        assertThatThrownBy(() -> Json.read(b("{\"status\":\"a\",\"status\":\"a\",\"amount\":"), Charge.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("unreadable answer");
        assertThatThrownBy(() -> Json.read(b("{\"status\":\"a\",\"status\":\"a\",\"amount\":\"ten\"}"),
                Charge.class, ctx)).isInstanceOf(DcbProtocolException.class).hasMessageContaining("unreadable");
        assertThatThrownBy(() -> Json.read(b("{\"status\":\"a\",\"status\":\"a\",\"amount\":1e999}"), Charge.class,
                ctx)).isInstanceOf(DcbProtocolException.class).hasMessageContaining("out of range");
    }

    @Test
    void anEmbeddedTreeRefusesDifferingRepeatsAtAnyDepthAndKeepsIdenticalOnes() {
        assertThat(Json.treeOrNull("{\"a\":1,\"b\":[{\"c\":2}]}").toString()).isEqualTo("{\"a\":1,\"b\":[{\"c\":2}]}");
        assertThat(Json.treeOrNull("{\"a\":1,\"b\":2,\"a\":1}").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(Json.treeOrNull("{\"a\":{\"x\":[1]},\"a\":{\"x\":[1]}}").toString())
                .isEqualTo("{\"a\":{\"x\":[1]}}");
        assertThat(Json.treeOrNull("{\"a\":1,\"a\":2}")).isNull();
        assertThat(Json.treeOrNull("{\"b\":[{\"c\":1,\"c\":2}]}")).isNull();
        assertThat(Json.treeOrNull("[{\"c\":1},{\"c\":1,\"c\":\"1\"}]")).isNull();
        assertThat(Json.treeOrNull("{\"a\":1,\"a\":1e999999999}")).isNull();
        assertThat(Json.treeOrNull("{\"a\":1e999999999}")).isNull();
        assertThat(Json.treeOrNull("{\"a\":29182.000000000}").get("a").asText()).isEqualTo("29182");
        assertThat(Json.treeOrNull("not json")).isNull();
    }
}
