package io.dcb4j.camara.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The filters and page of {@code GET /payments} ({@code retrievePayments}). Every filter is optional; the
 * answer is always limited to the payments of your API client (and of the subscriber, with a three-legged
 * token).
 *
 * @param page the page, 1 for the first, or null for the operator's default (1)
 * @param perPage the page size, or null for the operator's default (10)
 * @param createdFrom {@code paymentCreationDate.gte}, or null
 * @param createdTo {@code paymentCreationDate.lte}, or null
 * @param order {@code order} by creation date, or null for the operator's default (newest first)
 * @param statuses {@code paymentStatus}: only payments in one of these, possibly empty for all
 * @param merchantIdentifier {@code merchantIdentifier}, or null
 */
public record PaymentQuery(Integer page, Integer perPage, Instant createdFrom, Instant createdTo, SortOrder order,
        List<PaymentStatus> statuses, String merchantIdentifier) {

    /**
     * Validates and copies.
     *
     * @param page optional, 1 or more
     * @param perPage optional, 1 or more
     * @param createdFrom optional
     * @param createdTo optional, not before {@code createdFrom}
     * @param order optional
     * @param statuses optional, copied; UNKNOWN is refused
     * @param merchantIdentifier optional
     * @throws IllegalArgumentException naming the invalid field
     */
    public PaymentQuery {
        Queries.check(page, perPage, createdFrom, createdTo);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        if (statuses.contains(PaymentStatus.UNKNOWN)) {
            throw new IllegalArgumentException("paymentStatus UNKNOWN is not a filter");
        }
    }

    /**
     * Every payment, first page, the operator's defaults.
     *
     * @return the query
     */
    public static PaymentQuery all() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PaymentQuery}. */
    public static final class Builder {
        private Integer page;
        private Integer perPage;
        private Instant createdFrom;
        private Instant createdTo;
        private SortOrder order;
        private final List<PaymentStatus> statuses = new ArrayList<>();
        private String merchantIdentifier;

        private Builder() {
        }

        /**
         * The page and its size.
         *
         * @param page 1 for the first
         * @param perPage the size
         * @return this builder
         */
        public Builder page(int page, int perPage) {
            this.page = page;
            this.perPage = perPage;
            return this;
        }

        /**
         * Payments created from this instant on.
         *
         * @param from the instant
         * @return this builder
         */
        public Builder createdFrom(Instant from) {
            this.createdFrom = from;
            return this;
        }

        /**
         * Payments created up to this instant.
         *
         * @param to the instant
         * @return this builder
         */
        public Builder createdTo(Instant to) {
            this.createdTo = to;
            return this;
        }

        /**
         * The order by creation date.
         *
         * @param order the order
         * @return this builder
         */
        public Builder order(SortOrder order) {
            this.order = order;
            return this;
        }

        /**
         * Adds a status to the filter.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(PaymentStatus status) {
            statuses.add(Objects.requireNonNull(status, "status"));
            return this;
        }

        /**
         * Only payments of this merchant.
         *
         * @param merchantIdentifier the merchant's id
         * @return this builder
         */
        public Builder merchantIdentifier(String merchantIdentifier) {
            this.merchantIdentifier = merchantIdentifier;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalArgumentException naming the invalid field
         */
        public PaymentQuery build() {
            return new PaymentQuery(page, perPage, createdFrom, createdTo, order, statuses, merchantIdentifier);
        }
    }
}
