package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.util.HashMap;
import java.util.Map;

/** The code of docs/getting-started.md and of the README's quick start. */
final class GettingStarted {

    private GettingStarted() {
    }

    static void againstTheSimulator() {
        // tag::first-subscription-simulator[]
        try (Simulator sim = Simulators.start("eklectic");
             BillingProvider provider = sim.newClient()) {
            Msisdn msisdn = sim.sampleMsisdn();
            PinSubscriptions pins = provider.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(SubscribeRequest.of(msisdn, sim.sampleOffer()));
            String pin = sim.pinSentTo(msisdn).orElseThrow();   // the PIN the simulator "sent by SMS"
            SubscriptionResult result = pins.confirmPin(challenge, pin);
            System.out.println(result.state() + " " + result.subscription().id());   // ACTIVE ...
        }
        // end::first-subscription-simulator[]
    }

    static SubscriptionResult realProvider(Map<String, Object> session, String numberFromTheForm,
            String pinFromTheForm) {
        // tag::first-subscription-real[]
        Map<String, String> config = new HashMap<>();
        config.put("client-id", System.getenv("EKLECTIC_CLIENT_ID"));
        config.put("client-secret", System.getenv("EKLECTIC_CLIENT_SECRET"));
        BillingProvider provider = BillingProviders.create("eklectic", config);   // once, at start-up; share it

        // request 1: the subscriber typed their number
        PinChallenge challenge = provider.pinSubscriptions().orElseThrow()
                .requestPin(SubscribeRequest.of(Msisdn.of(numberFromTheForm), OfferId.of("123")));
        session.put("challenge", challenge);

        // request 2: the subscriber typed the PIN received by SMS
        SubscriptionResult result = provider.pinSubscriptions().orElseThrow()
                .confirmPin((PinChallenge) session.get("challenge"), pinFromTheForm);
        // end::first-subscription-real[]
        return result;
    }

    static void quickStart(String pinTypedByTheSubscriber) {
        // tag::readme-quick-start[]
        // reads DCB_EKLECTIC_CLIENT_ID and DCB_EKLECTIC_CLIENT_SECRET; a missing one is a ConfigurationException
        try (BillingProvider provider = BillingProviders.createFromEnvironment("eklectic")) {
            PinSubscriptions pins = provider.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(SubscribeRequest.of(Msisdn.of("+216 12 345 678"), OfferId.of(123)));
            SubscriptionResult result = pins.confirmPin(challenge, pinTypedByTheSubscriber);
        }
        // end::readme-quick-start[]
    }
}
