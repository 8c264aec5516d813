/**
 * dcb4j testkit: in-process simulators of the providers and the {@code @DcbSimulator} JUnit 5 extension.
 */
module io.dcb4j.testkit {
    requires transitive io.dcb4j.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires java.net.http;
    requires static org.junit.jupiter.api;

    exports io.dcb4j.testkit;
    exports io.dcb4j.testkit.eklectic;
    exports io.dcb4j.testkit.infomedia;
    exports io.dcb4j.testkit.eclipsevas;
    exports io.dcb4j.testkit.centili;
    exports io.dcb4j.testkit.b2maoc;
    exports io.dcb4j.testkit.camara;

    opens io.dcb4j.testkit.eklectic to com.fasterxml.jackson.databind;
    opens io.dcb4j.testkit.infomedia to com.fasterxml.jackson.databind;
    opens io.dcb4j.testkit.eclipsevas to com.fasterxml.jackson.databind;
    opens io.dcb4j.testkit.centili to com.fasterxml.jackson.databind;
    opens io.dcb4j.testkit.b2maoc to com.fasterxml.jackson.databind;
    opens io.dcb4j.testkit.camara to com.fasterxml.jackson.databind;

    uses io.dcb4j.testkit.SimulatorFactory;
    provides io.dcb4j.testkit.SimulatorFactory with
            io.dcb4j.testkit.eklectic.EklecticSimulator.Factory,
            io.dcb4j.testkit.infomedia.InfomediaSimulator.Factory,
            io.dcb4j.testkit.eclipsevas.EclipseVasSimulator.Factory,
            io.dcb4j.testkit.centili.CentiliSimulator.Factory,
            io.dcb4j.testkit.b2maoc.B2mAocSimulator.Factory,
            io.dcb4j.testkit.camara.CamaraSimulator.Factory;
}
