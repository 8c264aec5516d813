package io.dcb4j.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The dcb4j version, from the build. Internal. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /**
     * The version, for example {@code 0.1.0}.
     *
     * @return the version, {@code dev} when unknown
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
