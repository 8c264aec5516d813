package io.dcb4j.core.spi.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aFieldHasAValueOnlyWhenItIsANonBlankScalar() throws Exception {
        JsonNode body = json("{\"code\":\" E42 \",\"blank\":\"  \",\"nil\":null,\"obj\":{\"a\":1},\"arr\":[1],"
                + "\"num\":7,\"flag\":false}");
        assertThat(JsonFields.text(body, "code")).contains("E42");
        assertThat(JsonFields.text(body, "num")).contains("7");
        assertThat(JsonFields.text(body, "flag")).contains("false");
        assertThat(JsonFields.text(body, "blank")).isEmpty();
        assertThat(JsonFields.text(body, "nil")).isEmpty();
        assertThat(JsonFields.text(body, "obj")).isEmpty();
        assertThat(JsonFields.text(body, "arr")).isEmpty();
        assertThat(JsonFields.text(body, "missing")).isEmpty();
        assertThat(JsonFields.text((JsonNode) null)).isEmpty();
    }

    @Test
    void theFirstSpellingWithAValueWins() throws Exception {
        JsonNode body = json("{\"errorCode\":\"\",\"error_code\":\"E1\",\"code\":\"E2\"}");
        assertThat(JsonFields.text(body, "errorCode", "error_code", "code")).contains("E1");
        assertThat(JsonFields.text(body, "none", "other")).isEmpty();
        assertThat(JsonFields.text(json("[1,2]"), "code")).isEmpty();
    }
}
