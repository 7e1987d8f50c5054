package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.Out;
import com.example.hostile.Requests;
import java.lang.reflect.Method;

/** The same static repository and guarded class in several child-first loaders, in one request. */
public final class MultiLoaderMain {
    private MultiLoaderMain() {
    }

    public static void main(String[] args) throws Exception {
        int loaders = 4;
        Method[] exercise = new Method[loaders];
        for (int i = 0; i < loaders; i++) {
            ClassLoader loader = new ChildFirstLoader("iso-" + i, ChildFirstLoader.own(MultiLoaderMain.class),
                    "com.example.hostile.iso.", false);
            Class<?> repo = Class.forName("com.example.hostile.iso.StaticRepo", true, loader);
            repo.getField("origin").set(null, "loader" + i);
            exercise[i] = repo.getMethod("exercise", String.class);
        }
        Out out = new Out("multi-loader");
        int before = Db.trips();
        new Requests().serve(out, o -> {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < loaders; i++) {
                    o.p("r" + round + "-loader" + i, String.valueOf(exercise[i].invoke(null, "SECRET-k")));
                }
            }
        });
        System.out.println("T multi-loader MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
