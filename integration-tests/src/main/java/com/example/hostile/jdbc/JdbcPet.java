package com.example.hostile.jdbc;

import com.example.hostile.domain.Owner;
import com.example.hostile.domain.Pet;
import java.util.Date;
import java.util.List;

/** Outside guard.packages, extends a guarded class, with fields of its own. */
public class JdbcPet extends Pet {
    private long typeId;
    private long ownerId;

    public JdbcPet(long id, String name, List<String> tags, Date born, Owner owner, long typeId, long ownerId) {
        super(id, name, tags, born, owner);
        this.typeId = typeId;
        this.ownerId = ownerId;
    }

    public void setTypeId(long typeId) {
        this.typeId = typeId;
    }

    public void setOwnerId(long ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public String render() {
        return super.render() + "[type=" + typeId + ",owner=" + ownerId + "]";
    }
}
