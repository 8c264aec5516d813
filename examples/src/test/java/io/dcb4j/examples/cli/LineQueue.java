package io.dcb4j.examples.cli;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Standard output of a command that keeps running (a server), line by line: a test blocks until the line it
 * waits for arrives, never sleeps. The timeout only ends a test that would otherwise hang.
 */
final class LineQueue extends Writer {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                String line = current.toString();
                current.setLength(0);
                all.add(line);
                lines.add(line);
            } else if (c != '\r') {
                current.append(c);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /**
     * Waits for the next line that matches, returning it.
     *
     * @param wanted what to wait for
     * @return the line
     * @throws AssertionError when the command printed no such line within a minute
     */
    String await(Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no such line; printed so far: " + all());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    synchronized List<String> all() {
        return List.copyOf(all);
    }
}
