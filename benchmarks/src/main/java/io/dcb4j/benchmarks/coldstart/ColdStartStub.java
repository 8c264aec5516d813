package io.dcb4j.benchmarks.coldstart;

import io.dcb4j.benchmarks.StubServer;

/**
 * The stub server as its own process for {@code cold-start.sh}: {@code java -cp benchmarks.jar
 * io.dcb4j.benchmarks.coldstart.ColdStartStub PORT [SECONDS]}. Prints {@code ready PORT} and stops by itself
 * after SECONDS (300 by default).
 */
public final class ColdStartStub {

    private ColdStartStub() {
    }

    /**
     * Runs the stub.
     *
     * @param args port, lifetime in seconds
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 300;
        try (StubServer stub = StubServer.start(port, 4)) {
            System.out.println("ready " + stub.port());
            System.out.flush();
            Thread.sleep(seconds * 1000);
        }
    }
}
