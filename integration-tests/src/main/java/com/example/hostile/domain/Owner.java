package com.example.hostile.domain;

import com.example.hostile.model.Renderable;
import java.io.Serializable;

public class Owner implements Serializable, Renderable {
    private String name;
    private String city;

    public Owner(String name, String city) {
        this.name = name;
        this.city = city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    @Override
    public String render() {
        return "Owner(" + name + "," + city + ")";
    }
}
