package com.example.hostile;

import com.example.hostile.repo.PetRepository;

/** The smallest host: one request with a repeated call. Broken configurations run against it. */
public final class TinyHost {
    private TinyHost() {
    }

    public static void main(String[] args) throws Exception {
        PetRepository pets = new PetRepository();
        Out out = new Out("tiny");
        int before = Db.trips();
        new Requests().serve(out, o -> {
            o.p("a", pets.getName(1));
            o.p("b", pets.getName(1));
            o.p("pet", pets.getPet(2));
        });
        System.out.println("T tiny MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
