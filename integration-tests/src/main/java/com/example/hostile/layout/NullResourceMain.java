package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.Out;
import com.example.hostile.Requests;
import java.lang.reflect.Method;

/** Guarded B extends unguarded M extends guarded A, in a loader whose getResource returns null. */
public final class NullResourceMain {
    private NullResourceMain() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = new ChildFirstLoader("no-resources", ChildFirstLoader.own(NullResourceMain.class),
                "com.example.hostile.chain.", true);
        Method exercise = Class.forName("com.example.hostile.chain.ChainRepo", true, loader).getMethod("exercise");
        int before = Db.trips();
        new Requests().serve(new Out("no-resources-loader"), o -> o.p("chain", String.valueOf(exercise.invoke(null))));
        System.out.println("T no-resources-loader MAY " + (Db.trips() - before));
        before = Db.trips();
        new Requests().serve(new Out("app-loader"), o -> o.p("chain", com.example.hostile.chain.ChainRepo.exercise()));
        System.out.println("T app-loader MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
