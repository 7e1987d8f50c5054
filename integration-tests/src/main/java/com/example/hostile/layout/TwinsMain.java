package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.Out;
import com.example.hostile.Requests;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Path;

/**
 * The same class name with different superclasses in two loaders: each argument is a directory of
 * classes under {@code com.example.hostile.twin} (compiled by the test), loaded child-first.
 */
public final class TwinsMain {
    private TwinsMain() {
    }

    public static void main(String[] args) throws Exception {
        Method[] exercise = new Method[args.length];
        for (int i = 0; i < args.length; i++) {
            ClassLoader loader = new ChildFirstLoader("twin-" + i, new URL[] {Path.of(args[i]).toUri().toURL()},
                    "com.example.hostile.twin.", false);
            exercise[i] = Class.forName("com.example.hostile.twin.TwinWriter", true, loader).getMethod("exercise");
        }
        Out out = new Out("twins");
        int before = Db.trips();
        new Requests().serve(out, o -> {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < exercise.length; i++) {
                    o.p("r" + round + "-loader" + i, String.valueOf(exercise[i].invoke(null)));
                }
            }
        });
        System.out.println("T twins MAY " + (Db.trips() - before));
        System.out.println("DONE");
    }
}
