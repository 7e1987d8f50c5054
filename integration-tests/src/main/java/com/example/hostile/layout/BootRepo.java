package com.example.hostile.layout;

import com.example.hostile.Db;
import com.example.hostile.boot.BootPet;

public class BootRepo {
    public BootPet getBootPet(String name) {
        Db.trip();
        return new BootPet(name);
    }
}
