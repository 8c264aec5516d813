package io.dcb4j.core.spi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Wire(int count, long id, BigDecimal amount, Double ratio, String name, Integer missing) {
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    final ErrorContext ctx = ErrorContext.of("test", "read").withHttpStatus(200);

    @Test
    void toleratesNumbersAsStringsUnknownFieldsAndEmptyStrings() {
        Wire w = Json.read(b("{\"count\":\"5\",\"id\":\"9007199254740993\",\"amount\":\"29182.000000000\","
                + "\"ratio\":\"\",\"name\":\"\",\"extra\":{\"x\":1}}"), Wire.class, ctx);
        assertThat(w.count()).isEqualTo(5);
        assertThat(w.id()).isEqualTo(9007199254740993L);
        assertThat(w.amount()).isEqualByComparingTo("29182").hasToString("29182.000000000");
        assertThat(w.ratio()).isNull();
        assertThat(w.name()).isEmpty();
        assertThat(w.missing()).isNull();
        assertThat(Json.read(b("{\"amount\":0.1}"), Wire.class, ctx).amount()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void unreadableAnswersAreProtocolErrorsWithStatusAndExcerpt() {
        assertThatThrownBy(() -> Json.read(b("{\"count\":"), Wire.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("{\"count\":")
                .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
        assertThatThrownBy(() -> Json.read(new byte[0], Wire.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Json.read(b("null"), Wire.class, ctx)).isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> Json.read(b("{\"count\":\"many\"}"), Wire.class, ctx))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> Json.read(b("{\"access_token\":\"tok-secret\",\"count\":[}"), Wire.class, ctx))
                .isInstanceOf(DcbProtocolException.class).hasMessageNotContaining("tok-secret");
    }
}
