package io.dcb4j.testkit;

/** The neutral contract against the b2m-aoc simulator. */
class B2mAocContractTest extends ProviderContract {
    B2mAocContractTest() {
        super("b2m-aoc");
    }
}
