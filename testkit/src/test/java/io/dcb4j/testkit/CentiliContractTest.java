package io.dcb4j.testkit;

/** The neutral contract against the centili simulator. */
class CentiliContractTest extends ProviderContract {
    CentiliContractTest() {
        super("centili");
    }
}
