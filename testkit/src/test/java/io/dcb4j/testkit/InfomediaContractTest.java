package io.dcb4j.testkit;

/** The neutral contract against the infomedia simulator. */
class InfomediaContractTest extends ProviderContract {
    InfomediaContractTest() {
        super("infomedia");
    }
}
