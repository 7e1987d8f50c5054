package com.example.hostile;

import com.example.hostile.domain.Node;
import com.example.hostile.domain.Pet;
import com.example.hostile.domain.PetRecord;
import com.example.hostile.jdbc.JdbcPet;
import com.example.hostile.model.Cursor;
import com.example.hostile.model.Link;
import com.example.hostile.repo.GraphRepository;
import com.example.hostile.repo.PetRepository;
import java.lang.reflect.Field;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A caller changes what it was given; every later caller must see what a fresh call returns. */
final class MutationScenarios {
    private MutationScenarios() {
    }

    static void register(Registry r) {
        PetRepository pets = new PetRepository();
        GraphRepository graphs = new GraphRepository();
        change(r, "guarded-setter", () -> pets.getPet(1), p -> ((Pet) p).setName("SECRET-changed"));
        change(r, "guarded-list-field", () -> pets.getPet(2), p -> ((Pet) p).getTags().add("SECRET-added"));
        change(r, "guarded-date-field", () -> pets.getPet(3), p -> ((Pet) p).getBorn().setTime(5));
        change(r, "guarded-owner-replaced", () -> pets.getPet(4), p -> ((Pet) p).setOwner(null));
        change(r, "guarded-list-sorted", () -> pets.listPets(5),
                l -> ((List<Pet>) l).sort(Comparator.comparing(Pet::getName).reversed()));
        change(r, "guarded-array-element", () -> pets.findPetArray(3), a -> ((Pet[]) a)[1] = null);
        change(r, "array-element", () -> graphs.getArray(3), a -> ((int[]) a)[0] = 99);
        change(r, "matrix-inner", () -> graphs.getMatrix(3), m -> ((int[][]) m)[2][0] = 7);
        change(r, "list-sorted-in-place", () -> graphs.getNumbers(5), l -> Collections.sort((List<Integer>) l));
        change(r, "map-put", () -> graphs.getScores("x"), m -> ((Map<String, Integer>) m).put("SECRET-new", 3));
        change(r, "map-value-replaced", () -> graphs.getScores("y"), m -> ((Map<String, Integer>) m).replace("b", 9));
        change(r, "date-set", () -> graphs.getDate(1000), d -> ((Date) d).setTime(1));
        change(r, "bitset-cleared", () -> graphs.getBits(4), b -> ((BitSet) b).clear(1));
        change(r, "app-cursor-iterated", () -> graphs.getCursor(3), c -> ((Cursor) c).iterator().next());
        change(r, "record-list-add", () -> pets.getPetRecord("SECRET-rec"), p -> ((PetRecord) p).tags().add("SECRET-z"));
        change(r, "optional-pet-setter", () -> pets.findPetOptional(6), o -> ((java.util.Optional<Pet>) o).get().setName("n"));
        change(r, "unguarded-chain-end", () -> graphs.getChain(50_000), c -> last((Link) c).value = "SECRET-end");
        change(r, "guarded-chain-end", () -> graphs.getNodeChain(20_000), c -> lastNode((Node) c).value = -1);
        change(r, "cycle", () -> graphs.getCycle(4), c -> ((Node) c).next.next.label = "SECRET-cyc");
        change(r, "self-array", () -> graphs.getSelfArray(), a -> ((Object[]) a)[0] = "SECRET-other");
        change(r, "map-key-path-unguarded", () -> graphs.getCountersByKey("m"),
                m -> ((Map<String, com.example.hostile.model.Counter>) m).get("SECRET-C1-m").n = 42);
        change(r, "map-key-path-guarded", () -> graphs.getNodesByKey("g"), m -> ((Map<String, Node>) m).get("SECRET-N1-g").value = 5);
        change(r, "map-key-path-list", () -> pets.getTagsByOwner("o"), m -> ((Map<String, List<String>>) m).get("SECRET-K1-o").add("q"));
        change(r, "subclass-own-field", () -> pets.findJdbcPet(7), p -> ((JdbcPet) p).setTypeId(99));
        change(r, "subclass-own-field-2", () -> pets.findJdbcPet(8), p -> ((JdbcPet) p).setOwnerId(77));
        change(r, "subclass-inherited-field", () -> pets.findJdbcPet(9), p -> ((JdbcPet) p).setName("SECRET-j"));
        change(r, "reflective-write", () -> pets.getPet(10), p -> {
            Field name = Pet.class.getDeclaredField("name");
            name.setAccessible(true);
            name.set(p, "SECRET-reflect");
        });
        change(r, "write-same-value-back", () -> pets.getPet(11), p -> ((Pet) p).setName(((Pet) p).getName()));
        r.add("mut-clone-then-write-clone", "MAY F", out -> {
            Pet cached = pets.getPet(12);
            Pet copy = cached.clone();
            copy.setName("SECRET-copy");
            copy.getOwner();
            out.p("copy", copy);
            out.p("again", pets.getPet(12));
        });
        r.add("mut-large-graph-read-only", "SAVE F", out -> {
            for (int i = 0; i < 3; i++) {
                List<Pet> all = pets.listPets(3000);
                out.p("size" + i, all.size() + ":" + all.get(2999).getName());
            }
        });
    }

    /** Loads, changes the first result, loads twice more: later callers see the fresh value. */
    private static void change(Registry r, String name, Out.Call load, Change change) {
        r.add("mut-" + name, "MAY", out -> {
            Object first = load.run();
            out.p("loaded", first);
            change.apply(first);
            out.p("changed", first);
            out.p("again", load.run());
            out.p("third", load.run());
        });
    }

    @FunctionalInterface
    interface Change {
        void apply(Object value) throws Exception;
    }

    private static Link last(Link link) {
        while (link.next != null) {
            link = link.next;
        }
        return link;
    }

    private static Node lastNode(Node node) {
        while (node.next != null) {
            node = node.next;
        }
        return node;
    }
}
