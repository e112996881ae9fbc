package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** Hibernate mapping of the guide's author table. */
@Entity
@Table(name = "author")
public class HAuthor {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String bio;

    @OneToMany(mappedBy = "author")
    @BatchSize(size = 1000)
    public List<HBook> books = new ArrayList<>();
}
