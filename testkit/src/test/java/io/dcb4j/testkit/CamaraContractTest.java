package io.dcb4j.testkit;

/** The neutral contract against the CAMARA simulator. */
class CamaraContractTest extends ProviderContract {
    CamaraContractTest() {
        super("camara");
    }
}
