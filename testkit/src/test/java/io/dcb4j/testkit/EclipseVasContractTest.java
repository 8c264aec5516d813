package io.dcb4j.testkit;

/** The neutral contract against the eclipse-vas simulator. */
class EclipseVasContractTest extends ProviderContract {
    EclipseVasContractTest() {
        super("eclipse-vas");
    }
}
