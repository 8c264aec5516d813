package io.dcb4j.reliability;

import io.dcb4j.core.model.Money;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uses a result the way an application would: its {@code toString()}, every record component, every
 * {@code Optional}, {@code Money} or {@code BigDecimal} a public no-argument method of a dcb4j record returns
 * ({@code totalCharged()}, {@code money()}, {@code amountDue()} ...), the plain text of every decimal and the
 * text of every time. An amount such as {@code 1e999999999} that got into a result makes this run out of
 * memory ({@code toPlainString()} needs a gigabyte), so a result that passes through here holds only bounded
 * numbers.
 */
final class Touch {

    private Touch() {
    }

    static void deeply(Object value) {
        String.valueOf(value);
        visit(value, 0, new IdentityHashMap<>());
    }

    private static void visit(Object value, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || depth > 6 || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            d.toPlainString();
            return;
        }
        if (value instanceof Money m) {
            m.toString();
            m.amount().toPlainString();
            return;
        }
        if (value instanceof TemporalAccessor t) {
            t.toString();
            return;
        }
        if (value instanceof Optional<?> o) {
            o.ifPresent(v -> visit(v, depth + 1, seen));
            return;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> visit(v, depth + 1, seen));
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> visit(v, depth + 1, seen));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.dcb4j.")) {
            return;
        }
        value.toString();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                visit(invoke(rc.getAccessor(), value), depth + 1, seen);
            }
        }
        for (Method m : type.getMethods()) {
            Class<?> r = m.getReturnType();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass().getName().startsWith("io.dcb4j.")
                    && (r == Optional.class || r == Money.class || r == BigDecimal.class)) {
                visit(invoke(m, value), depth + 1, seen);
            }
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof java.time.DateTimeException) {
                throw new AssertionError(m.getName() + "() of " + target.getClass().getSimpleName() + " threw "
                        + e.getCause(), e.getCause());
            }
            return null;
        }
    }
}
