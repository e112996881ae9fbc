package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hibernate mapping of the guide's tag table. */
@Entity
@Table(name = "tag")
public class HTag {
    @Id
    public Long id;

    public String name;
}
