package com.example.hostile.domain;

import java.util.List;

public record PetRecord(String name, List<String> tags) {
}
