package io.dcb4j.camara.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing, with what the operator said about the rest.
 *
 * @param items the items of this page, possibly empty
 * @param page the page asked for (1 is the first)
 * @param perPage the page size asked for
 * @param totalCount {@code X-Total-Count}: how many items match, or null when the operator did not say
 * @param lastKey {@code Content-Last-Key}: the index of the last item of this page, or null
 * @param <T> the item type
 */
public record Page<T>(List<T> items, int page, int perPage, Integer totalCount, Integer lastKey) {

    /**
     * Validates and copies.
     *
     * @param items required
     * @param page 1 or more
     * @param perPage 1 or more
     * @param totalCount optional
     * @param lastKey optional
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /**
     * How many items match the query.
     *
     * @return {@code X-Total-Count}, when the operator sent it
     */
    public Optional<Integer> total() {
        return Optional.ofNullable(totalCount);
    }

    /**
     * Whether a next page may hold more items: by {@code X-Total-Count} when sent, else by a full page.
     *
     * @return true when it is worth asking for {@code page + 1}
     */
    public boolean hasMore() {
        if (totalCount != null) {
            return (long) page * perPage < totalCount;
        }
        return items.size() >= perPage;
    }
}
