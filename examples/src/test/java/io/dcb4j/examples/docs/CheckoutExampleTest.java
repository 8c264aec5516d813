package io.dcb4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The JUnit examples of docs/testing.md, run as they are shown. */
// tag::dcb-simulator-extension[]
@DcbSimulator("eklectic")
class CheckoutExampleTest {

    @Test
    void subscribesWithThePinSentBySms(Simulator sim, BillingProvider client) {
        Msisdn msisdn = sim.sampleMsisdn();
        PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        SubscriptionResult result = pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElseThrow());
        assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
    }
    // end::dcb-simulator-extension[]

    // tag::magic-msisdn[]
    @Test
    void aWrongPinIsRejected(Simulator sim, BillingProvider client) {
        Msisdn msisdn = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());   // ends in 9901
        PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        assertThatThrownBy(() -> pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElse("0000")))
                .isInstanceOf(InvalidPinException.class);
    }

    @Test
    void anOutageIsAProviderUnavailableException(Simulator sim, BillingProvider client) {
        Msisdn msisdn = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());   // HTTP 503
        assertThatThrownBy(() -> client.pinSubscriptions().orElseThrow()
                .requestPin(sim.sampleSubscribeRequest(msisdn)))
                .isInstanceOf(ProviderUnavailableException.class);
    }
    // end::magic-msisdn[]

    // tag::recorded-requests[]
    @Test
    void sendsTheSubscriberOnTheWire(Simulator sim, BillingProvider client) {
        Msisdn msisdn = sim.sampleMsisdn();
        client.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(msisdn));

        RecordedRequest sendPin = sim.requests().stream()
                .filter(r -> r.path().endsWith("/subscription/otp"))
                .findFirst().orElseThrow();
        assertThat(sendPin.method()).isEqualTo("POST");
        assertThat(sendPin.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(sendPin.bodyText()).contains(msisdn.digits());
    }
    // end::recorded-requests[]

    // tag::simulated-callbacks[]
    @Test
    void aSubscriptionIsNotified(Simulator sim, BillingProvider client) {
        Msisdn msisdn = sim.sampleMsisdn();
        PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElseThrow());

        BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
    }
    // end::simulated-callbacks[]
}
