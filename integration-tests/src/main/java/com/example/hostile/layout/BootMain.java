package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.Out;
import com.example.hostile.Requests;
import com.example.hostile.boot.BootPet;

/** A guarded class loaded by the boot loader (-Xbootclasspath/a), written by application code. */
public final class BootMain {
    private BootMain() {
    }

    public static void main(String[] args) throws Exception {
        BootRepo repo = new BootRepo();
        Out out = new Out("boot");
        out.p("loader", String.valueOf(BootPet.class.getClassLoader()));
        int before = Db.trips();
        new Requests().serve(out, o -> {
            BootPet pet = repo.getBootPet("SECRET-boot");
            o.p("loaded", pet.toString());
            o.p("read-again", repo.getBootPet("SECRET-boot").toString());
            pet.name = "SECRET-renamed";
            pet.age = 3;
            o.p("written", pet.toString());
            o.p("again", repo.getBootPet("SECRET-boot").toString());
            BootPet fresh = new BootPet("free");
            fresh.age = 9;
            o.p("uncached", fresh.toString());
        });
        System.out.println("T boot MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
