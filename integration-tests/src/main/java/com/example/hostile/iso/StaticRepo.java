package com.example.hostile.iso;

import com.example.hostile.Db;
import com.example.hostile.iso.domain.Tag;

/** A static memoized method: no receiver, so only the loaded class tells two copies apart. */
public final class StaticRepo {
    public static String origin = "unset";

    private StaticRepo() {
    }

    public static Tag getTag(String key) {
        Db.trip();
        return new Tag(origin + ":" + key);
    }

    public static String getLabel(String key) {
        Db.trip();
        return origin + "/" + key;
    }

    /** Runs inside the request, from the loader that loaded this copy. */
    public static String exercise(String key) {
        Tag first = getTag(key);
        String before = first.toString();
        first.value = "SECRET-written-" + origin;
        return before + " " + getTag(key) + " " + getLabel(key) + " " + getLabel(key);
    }
}
