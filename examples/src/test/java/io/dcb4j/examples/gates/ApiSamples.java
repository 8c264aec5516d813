package io.dcb4j.examples.gates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Fixtures for the API renderer: public types with every kind of member. */
public final class ApiSamples {

    private ApiSamples() {
    }

    /** A fixture base class that is not public: its public methods are reached through its public subclass. */
    abstract static class Hidden {
        public String inherited() {
            return "";
        }
    }

    /** A fixture. */
    public abstract static class Sample<T extends Comparable<? super T>> extends Hidden implements Supplier<T> {
        public static final int LIMIT = 3;
        protected List<? extends Number> numbers = new ArrayList<>();
        int packagePrivate;

        public Sample(String... names) {
        }

        protected abstract <R> Optional<R> map(java.util.function.Function<? super T, R> f, int[][] grid)
                throws java.io.IOException;

        @Deprecated
        public static Map.Entry<String, List<Integer>> entry() {
            return null;
        }

        private void hidden() {
        }
    }

    /** A fixture. */
    public record Pair<A>(A left, List<A> right) implements Serializable {
        public static <A> Pair<A> of(A a) {
            return new Pair<>(a, List.of());
        }
    }

    /** A fixture. */
    public sealed interface Shape permits Square, Circle {
        double area();

        default String label() {
            return "";
        }
    }

    /** A fixture. */
    public static final class Square implements Shape {
        protected int side;

        @Override
        public double area() {
            return 0;
        }
    }

    /** A fixture. */
    public enum Circle implements Shape {
        UNIT {
            @Override
            public double area() {
                return Math.PI;
            }
        };

        @Override
        public abstract double area();
    }
}
