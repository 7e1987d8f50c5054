package com.example.hostile.domain;

import com.example.hostile.model.Renderable;
import java.io.Serializable;
import java.util.Date;
import java.util.List;

/** Guarded, Serializable without an explicit serialVersionUID, Cloneable: every trap of a real entity. */
public class Pet implements Serializable, Cloneable, Renderable {
    private long id;
    private String name;
    private List<String> tags;
    private Date born;
    private Owner owner;

    public Pet(long id, String name, List<String> tags, Date born, Owner owner) {
        this.id = id;
        this.name = name;
        this.tags = tags;
        this.born = born;
        this.owner = owner;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getTags() {
        return tags;
    }

    public Date getBorn() {
        return born;
    }

    public Owner getOwner() {
        return owner;
    }

    public void setOwner(Owner owner) {
        this.owner = owner;
    }

    @Override
    public Pet clone() {
        try {
            return (Pet) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String render() {
        return getClass().getSimpleName() + "(" + id + "," + name + "," + tags + "," + (born == null ? null : born.getTime())
                + "," + (owner == null ? null : owner.render()) + ")";
    }
}
