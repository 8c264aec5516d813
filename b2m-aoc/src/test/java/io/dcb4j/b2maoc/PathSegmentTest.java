package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.Msisdn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keywords and transaction ids are one path segment each: a {@code ..} would reach another resource. */
class PathSegmentTest extends WireMockSupport {

    static final Msisdn MSISDN = Msisdn.of("8801712345678");

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "a/../b", "%2e%2e", "%252E%252E", "..;x"})
    void aDotSegmentIdIsRefusedBeforeAnythingIsSent(String id) {
        assertThatThrownBy(() -> client.requestCharge(id, MSISDN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyword");
        assertThatThrownBy(() -> client.chargeStatus(aoc(id))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aocTransId");
        assertThatThrownBy(() -> client.consentUrl(aoc(id))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aocTransId");
        assertThatThrownBy(() -> client.cancelSubscription(sp(id), MSISDN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spTransId");
        assertThatThrownBy(() -> client.subscriptionStatus(sp(id), MSISDN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spTransId");
        assertThatThrownBy(() -> client.renewSubscription(sp(id), MSISDN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spTransId");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../chargeStatus/OTHER"})
    void aDotSegmentAocTransIdInTheAnswerIsAProtocolError(String id) {
        wm.stubFor(get(urlPathMatching("/api/getToken/.*")).willReturn(answer(200, "{\"status\":true,\"errors\":false,"
                + "\"message\":\"Token generated successfully\",\"data\":{\"aocTransID\":\"" + id
                + "\",\"spTransID\":\"SP1\"}}")));
        assertThatThrownBy(() -> client.requestCharge("GAME", MSISDN)).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("aocTransID");
    }
}
