package com.example.hostile.repo;

import com.example.hostile.Db;
import com.example.hostile.domain.Owner;
import com.example.hostile.domain.Pet;
import com.example.hostile.domain.PetRecord;
import com.example.hostile.jdbc.JdbcPet;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guarded entities; names can be written (public non-read methods: default invalidation). */
public class PetRepository {

    public Pet getPet(long id) {
        Db.trip();
        return pet(id);
    }

    static Pet pet(long id) {
        return new Pet(id, Db.value("pet" + id, "pet-SECRET-" + id), new ArrayList<>(List.of("SECRET-tag-a", "tag-b")),
                new Date(1000L * id), new Owner("SECRET-owner-" + id, "city"));
    }

    public JdbcPet findJdbcPet(long id) {
        Db.trip();
        return new JdbcPet(id, Db.value("pet" + id, "jdbc-SECRET-" + id), new ArrayList<>(List.of("t")), new Date(id),
                null, 10, 20);
    }

    public List<Pet> listPets(int n) {
        Db.trip();
        List<Pet> pets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pets.add(pet(i));
        }
        return pets;
    }

    public Pet[] findPetArray(int n) {
        Db.trip();
        Pet[] pets = new Pet[n];
        for (int i = 0; i < n; i++) {
            pets[i] = pet(i);
        }
        return pets;
    }

    public PetRecord getPetRecord(String name) {
        Db.trip();
        return new PetRecord(name, new ArrayList<>(List.of("SECRET-r1", "r2")));
    }

    public Optional<Pet> findPetOptional(long id) {
        Db.trip();
        return Optional.of(pet(id));
    }

    public Map<String, List<String>> getTagsByOwner(String owner) {
        Db.trip();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("SECRET-K1-" + owner, new ArrayList<>(List.of("x", "y")));
        tags.put("SECRET-K2-" + owner, new ArrayList<>(List.of("z")));
        return tags;
    }

    public String getName(long id) {
        Db.trip();
        return Db.value("pet" + id, "pet-SECRET-" + id);
    }

    public void rename(long id, String name) {
        Db.write("pet" + id, name);
    }

    public static String getTag(String key) {
        Db.trip();
        return Db.value("tag" + key, "tag-SECRET-" + key);
    }

    public static void renameTag(String key, String value) {
        Db.write("tag" + key, value);
    }
}
