package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Charges;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.testkit.Simulator;

/** The code of docs/testing.md that is not a JUnit test. */
final class TestingGuide {

    private TestingGuide() {
    }

    static ChargeResult chargeWithTheSubscriber(Simulator sim, BillingProvider client, Msisdn msisdn) {
        // tag::subscriber-actions[]
        Charges charges = client.charges().orElseThrow();
        ChargeResult started = charges.charge(sim.sampleCharge(msisdn));
        if (started.nextAction().type() != NextAction.Type.NONE) {
            sim.actAsSubscriber(started.nextAction(), true);      // false: the subscriber refuses
        }
        ChargeResult now = charges.status(started.charge());
        if (!now.state().isFinal()) {
            sim.settle(started.charge());                         // providers that settle asynchronously
            now = charges.status(started.charge());
        }
        // end::subscriber-actions[]
        return now;
    }
}
