package io.dcb4j.testkit;

/** The neutral contract against the eklectic simulator. */
class EklecticContractTest extends ProviderContract {
    EklecticContractTest() {
        super("eklectic");
    }
}
