package org.cmkg.lazy;

import java.util.function.Supplier;

/**
 * A value computed on first use and the same for every later call: for what a start need not
 * pay for when nothing may ask for it (a load's validator, the workbench's example queries).
 */
public final class Memoized<T> implements Supplier<T> {
    private final Supplier<T> supplier;
    private T value;

    private Memoized(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    public static <T> Supplier<T> of(Supplier<T> supplier) {
        return new Memoized<>(supplier);
    }

    @Override
    public synchronized T get() {
        if (value == null)
            value = supplier.get();
        return value;
    }
}
