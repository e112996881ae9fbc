package dev.quarry.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** Hibernate mapping of the guide's book table (dates as text, as SQLite stores them). */
@Entity
@Table(name = "book")
@BatchSize(size = 1000)
public class HBook {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public HAuthor author;

    /** The key without touching the lazy association (its proxy's fields are not the target's). */
    @Column(name = "author_id", insertable = false, updatable = false)
    public Long authorId;

    @Column(name = "published_date")
    public String publishedDate;

    public String isbn;

    @ManyToMany
    @JoinTable(name = "book_tags", joinColumns = @JoinColumn(name = "book_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<HTag> tags = new HashSet<>();

    @OneToMany(mappedBy = "book")
    @BatchSize(size = 1000)
    public List<HReview> reviews = new ArrayList<>();
}
