package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A subscription id is one path segment: {@code DELETE subscription/..} would delete another resource. */
class PathSegmentTest extends WireMockSupport {

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "a/../b", "%2e%2e", "..;x"})
    void aDotSegmentIdIsRefusedBeforeAnythingIsSent(String id) {
        stubToken();
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.unsubscribe(id)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("subscriptionId");
            assertThatThrownBy(() -> c.subscription(id)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("subscriptionId");
            assertThatThrownBy(() -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of(id)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptionId");
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../admin", "%2E%2E"})
    void aDotSegmentIdInTheFindAnswerIsAProtocolErrorAndNothingIsDeleted(String id) {
        stubToken();
        wm.stubFor(post("/API/subscription/find").willReturn(json("{\"subscriptionID\":\"" + id + "\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.cancellations().orElseThrow().cancel(
                    SubscriptionRef.of(Msisdn.of("21612345678"), OfferId.of(123))))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("subscriptionID")
                    .hasMessageNotContaining(id);
        }
        wm.verify(0, deleteRequestedFor(urlPathMatching(".*")));
    }
}
