package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.SubscriptionRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A transaction id is one path segment: {@code transactions/../release} would reach another resource. */
class PathSegmentTest extends CentiliTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "a/../b", "%2e%2e", ".%2E", "..;x"})
    void aDotSegmentTransactionIdIsRefusedBeforeAnythingIsSent(String id) {
        stubPasswordGrant();
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.submitPin(id, "1234")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("transactionId");
            assertThatThrownBy(() -> c.releaseTransaction(id)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("transactionId");
            assertThatThrownBy(() -> c.transaction(id)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("transactionId");
            assertThatThrownBy(() -> c.charges().orElseThrow().status(ChargeRef.of(id)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionId");
            assertThatThrownBy(() -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of(id)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionId");
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
