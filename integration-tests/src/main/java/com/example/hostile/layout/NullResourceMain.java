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
        Out out = new Out("null-resource");
        int before = Db.trips();
        new Requests().serve(out, o -> {
            Method exercise = Class.forName("com.example.hostile.chain.ChainRepo", true, loader).getMethod("exercise");
            o.p("child-first", String.valueOf(exercise.invoke(null)));
            o.p("app-loader", com.example.hostile.chain.ChainRepo.exercise());
        });
        System.out.println("T null-resource MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
