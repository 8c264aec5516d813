package io.dcb4j.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Starts simulators by provider id. */
public final class Simulators {

    private static final Map<String, String> CLASSES = new TreeMap<>(Map.of(
            "eklectic", "io.dcb4j.testkit.eklectic.EklecticSimulator",
            "infomedia", "io.dcb4j.testkit.infomedia.InfomediaSimulator",
            "eclipse-vas", "io.dcb4j.testkit.eclipsevas.EclipseVasSimulator",
            "centili", "io.dcb4j.testkit.centili.CentiliSimulator",
            "b2m-aoc", "io.dcb4j.testkit.b2maoc.B2mAocSimulator"));

    private Simulators() {
    }

    /**
     * The provider ids that have a simulator.
     *
     * @return the ids, sorted
     */
    public static Set<String> ids() {
        return CLASSES.keySet();
    }

    /**
     * Starts a simulator on a free loopback port.
     *
     * @param providerId the provider id
     * @return the running simulator; close it when done
     * @throws IllegalArgumentException for an unknown id
     */
    public static Simulator start(String providerId) {
        String cls = CLASSES.get(providerId);
        if (cls == null) {
            throw new IllegalArgumentException("no simulator for provider '" + providerId + "'; known: " + ids());
        }
        try {
            return (Simulator) Class.forName(cls).getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("simulator class " + cls + " unusable", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("simulator " + providerId + " failed to start", e.getCause());
        }
    }
}
