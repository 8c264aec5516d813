package io.dcb4j.centili.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The action object of an answer reads the same whether it takes the direct path or the data binding. */
class ActionObjectTest {

    private static final ErrorContext CONTEXT = ErrorContext.of("centili", "startTransaction");

    private static JsonNode tree(String json) {
        return Json.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"PIN\",\"userInstruction\":\"Enter the PIN we sent you by SMS\"}",
        "{\"type\":\"url-redirect\",\"urlRedirect\":\"https://pay.example/c\",\"urlReturn\":\"https://shop.example\"}",
        "{\"urlRedirect\":\"https://pay.example/c\"}",
        "{\"type\":\"MO\",\"shortcode\":\"1234\",\"keyword\":\"YES\",\"extra\":{\"ignored\":[1,2]}}",
        "{\"type\":\"PIN\",\"userInstruction\":\"\"}",
        "{\"type\":null,\"shortcode\":null,\"simtcha\":null}",
        "{\"type\":\"OTP\",\"Type\":\"other case is another field\"}",
        "{}"})
    void theCommonShapesAreReadDirectlyAsTheDataBindingReadsThem(String json) throws Exception {
        JsonNode node = tree(json);
        CentiliWire.ActionDto direct = CentiliMapper.plainAction(node);
        assertThat(direct).isNotNull().isEqualTo(Json.mapper().treeToValue(node, CentiliWire.ActionDto.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":5,\"userInstruction\":\"numbers are text to the data binding\"}",
        "{\"type\":\"SIMTCHA\",\"simtcha\":{\"imageURL\":\"https://pay.example/q.png\",\"answers\":[]}}",
        "{\"type\":true}"})
    void otherShapesGoToTheDataBinding(String json) throws Exception {
        JsonNode node = tree(json);
        assertThat(CentiliMapper.plainAction(node)).isNull();
        TransactionAction action = CentiliMapper.action(node, CONTEXT);
        assertThat(action).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"PIN\",\"userInstruction\":{\"text\":\"x\"}}",
        "{\"type\":[\"PIN\"],\"urlRedirect\":\"https://pay.example\"}"})
    void anActionObjectTheDataBindingCannotReadIsAProtocolError(String json) {
        assertThatThrownBy(() -> CentiliMapper.action(tree(json), CONTEXT)).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("unreadable action object");
    }
}
