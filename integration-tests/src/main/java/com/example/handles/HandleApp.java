package com.example.handles;

import com.example.handles.domain.Counter;
import com.example.handles.domain.Tag;
import com.example.handles.plain.Code;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Writes memoized objects without a PUTFIELD: var handles, method handle setters, atomic field
 * updaters, {@code sun.misc.Unsafe}, reflection on a final field and on a guarded one. Each {@code scenario*} method
 * is a request; each prints what a second read of the same key returned, which must be what the
 * repository returns, never the written object.
 */
public final class HandleApp {
    /** Created before any request, as libraries do in static initializers. */
    private static final VarHandle COUNT;
    private static final AtomicIntegerFieldUpdater<Counter> HITS =
            AtomicIntegerFieldUpdater.newUpdater(Counter.class, "hits");

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Counter.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CounterRepository repository = new CounterRepository();

    public static void main(String[] args) throws Throwable {
        HandleApp app = new HandleApp();
        app.scenarioVarHandle();
        app.scenarioSetterCreatedAfterStore();
        app.scenarioUpdater();
        app.scenarioUnsafe();
        app.scenarioFinalField();
        app.scenarioReflection();
        app.scenarioUntouched();
        System.out.println("LISTENING port=0");
    }

    public void scenarioVarHandle() {
        Counter first = repository.find("var");
        COUNT.set(first, 5);
        report("varHandle", first, repository.find("var"));
    }

    /** The entry exists before the handle does: it was walked while the barrier was trusted. */
    public void scenarioSetterCreatedAfterStore() throws Throwable {
        Tag first = repository.tag("setter");
        MethodHandle setter = MethodHandles.lookup().unreflectSetter(Tag.class.getDeclaredField("name"));
        setter.invoke(first, "written");
        Tag second = repository.tag("setter");
        result("setterCreatedAfterStore", "written=" + first.name, "read=" + (second.name.equals("fresh") ? 1 : 0));
    }

    public void scenarioUpdater() {
        Counter first = repository.find("updater");
        HITS.incrementAndGet(first);
        report("updater", first, repository.find("updater"));
    }

    public void scenarioUnsafe() throws ReflectiveOperationException {
        Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
        Counter first = repository.find("unsafe");
        long offset = unsafe.objectFieldOffset(Counter.class.getDeclaredField("count"));
        unsafe.putInt(first, offset, 9);
        report("unsafe", first, repository.find("unsafe"));
    }

    public void scenarioFinalField() throws ReflectiveOperationException {
        Code first = repository.code("final");
        Field value = Code.class.getDeclaredField("value");
        value.setAccessible(true);
        value.setInt(first, 7);
        Code second = repository.code("final");
        result("finalField", "written=" + first.value, "read=" + second.value);
    }

    /** A guarded field written through {@code Field}, as mappers do. */
    public void scenarioReflection() throws ReflectiveOperationException {
        Counter first = repository.find("reflection");
        Counter.class.getField("label").set(first, "reflected");
        report("reflection", first, repository.find("reflection"));
    }

    /** Nothing written: the second read may be served from the request's memo. */
    public void scenarioUntouched() {
        int before = repository.loads;
        Counter first = repository.find("untouched");
        Counter second = repository.find("untouched");
        result("untouched", "read=" + second.count + "/" + second.label + "/" + second.hits,
                "same=" + (first == second), "loads=" + (repository.loads - before));
    }

    private static void report(String name, Counter written, Counter read) {
        result(name, "written=" + written.count + "/" + written.label + "/" + written.hits,
                "read=" + read.count + "/" + read.label + "/" + read.hits);
    }

    private static void result(String name, String... values) {
        System.out.println("RESULT " + name + " " + String.join(" ", values));
        System.out.flush();
    }
}
