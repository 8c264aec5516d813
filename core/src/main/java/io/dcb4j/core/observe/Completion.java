package io.dcb4j.core.observe;

/**
 * What an observer returns when something starts (an operation, a token request, a callback): told once how it
 * ended. Called on the thread that started it.
 *
 * @param <E> the event that describes the end
 */
@FunctionalInterface
public interface Completion<E> {

    /**
     * The observed thing ended.
     *
     * @param event how it ended
     */
    void completed(E event);

    /**
     * A completion that does nothing.
     *
     * @param <E> the event type
     * @return the completion
     */
    static <E> Completion<E> ignore() {
        return event -> {
        };
    }
}
