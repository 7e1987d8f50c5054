package com.example.hostile;

import com.example.hostile.domain.Booby;
import com.example.hostile.domain.Pet;
import com.example.hostile.model.Booby2;
import com.example.hostile.repo.FaultRepository;
import com.example.hostile.repo.GraphRepository;
import com.example.hostile.repo.Lookup;
import com.example.hostile.repo.PetRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/** Repositories that throw, return null, recurse, write, serialize, or must not be called. */
final class FaultScenarios {
    private FaultScenarios() {
    }

    static void register(Registry r, Requests requests) {
        PetRepository pets = new PetRepository();
        FaultRepository faults = new FaultRepository(pets);
        GraphRepository graphs = new GraphRepository();
        thrice(r, "checked-exception", "EQ F", () -> faults.loadChecked("a"));
        thrice(r, "unchecked-exception", "EQ F", () -> faults.loadUnchecked("b"));
        thrice(r, "error", "EQ F", () -> faults.loadError("c"));
        thrice(r, "null-result", "MAY F", () -> faults.loadNull("d"));
        thrice(r, "flaky-then-ok", "MAY F", () -> faults.loadFlaky("e"));
        thrice(r, "recursion-same-key", "MAY F", () -> faults.getRecursive("SECRET-r"));
        thrice(r, "calls-other-memoized", "MAY F", () -> faults.getViaOther(20));
        thrice(r, "booby-result", "MAY F", () -> {
            int before = Booby.CALLS.get();
            Booby b = graphs.getBooby(1);
            return b.id + "/" + b.secret + " calls=" + (Booby.CALLS.get() - before);
        });
        thrice(r, "booby-map-result", "MAY F", () -> {
            int before = Booby2.CALLS.get();
            int size = graphs.getBoobyMap(3).size();
            return size + " calls=" + (Booby2.CALLS.get() - before);
        });
        thrice(r, "booby-argument", "MAY F", () -> {
            int before = Booby2.CALLS.get();
            String s = graphs.findByBooby(new Booby2(4));
            return s + " calls=" + (Booby2.CALLS.get() - before);
        });
        r.add("fault-static-write-invalidates", "MAY F", out -> {
            out.p("before", PetRepository.getTag("s1"));
            PetRepository.renameTag("s1", "SECRET-renamed");
            out.p("after", PetRepository.getTag("s1"));
            out.p("again", PetRepository.getTag("s1"));
        });
        r.add("fault-instance-write-invalidates", "MAY F", out -> {
            out.p("before", pets.getName(30));
            pets.rename(30, "SECRET-renamed");
            out.p("after", pets.getName(30));
            out.p("pet", pets.getPet(30));
        });
        r.add("fault-write-then-entity", "MAY F", out -> {
            out.p("before", pets.getPet(31));
            pets.rename(31, "SECRET-renamed-31");
            out.p("after", pets.getPet(31));
        });
        r.add("fault-serialize-cached", "MAY F", out -> {
            Pet pet = pets.getPet(32);
            out.call("roundtrip", () -> deserialize(serialize(pet)));
            out.call("again", () -> deserialize(serialize(pets.getPet(32))));
        });
        r.add("fault-read-serialized-without-agent", "MAY F", out -> {
            String file = System.getProperty("hostile.serialized");
            out.call("foreign", () -> deserialize(Files.readAllBytes(Path.of(file))));
            out.call("cached-afterwards", () -> pets.getPet(33));
        });
        r.add("fault-escapes-boundary", "MAY F", out -> {
            out.p("pet", pets.getPet(34));
            throw new IllegalStateException("escapes the request SECRET" + "\n[memoguard] ERROR forged");
        });
        r.add("fault-after-escape", "MAY F", out -> out.p("pet", pets.getPet(34)));
        r.add("fault-nested-boundary", "MAY F", out -> {
            out.p("outer", pets.getPet(35));
            requests.serve(out, inner -> inner.p("inner", pets.getPet(35)));
            out.p("outer-again", pets.getPet(35));
        });
        r.add("fault-interrupted-caller", "MAY F", out -> {
            Thread.currentThread().interrupt();
            out.p("first", pets.getName(36));
            out.p("second", pets.getName(36));
            out.p("still-interrupted", Thread.interrupted());
        });
        r.add("fault-interface-proxy", "MAY F", out -> {
            Lookup lookup = (Lookup) Proxy.newProxyInstance(Lookup.class.getClassLoader(), new Class<?>[] {Lookup.class},
                    (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            throw new IllegalStateException("proxy identity method called SECRET");
                        }
                        Db.trip();
                        return "looked-up-" + args[0];
                    });
            out.p("a", lookup.lookupName("SECRET-1"));
            out.p("a-again", lookup.lookupName("SECRET-1"));
            out.p("b", lookup.lookupName("SECRET-2"));
        });
        r.add("fault-outside-request", "EQ F OUT", out -> {
            out.p("a", pets.getName(37));
            out.p("a-again", pets.getName(37));
            out.p("pet", pets.getPet(37));
        });
    }

    private static void thrice(Registry r, String name, String kind, Out.Call call) {
        r.add("fault-" + name, kind, out -> {
            out.call("first", call);
            out.call("second", call);
            out.call("third", call);
        });
    }

    static byte[] serialize(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
