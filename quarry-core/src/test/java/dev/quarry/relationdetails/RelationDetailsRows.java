package dev.quarry.relationdetails;

import java.util.List;
import java.util.Map;

/**
 * The rows of {@code django_relation_details.py}'s {@code rows()}: countries France and UK; writers amy (UK),
 * bea (France), cid (UK, inactive), dot (no country); novels Alpha (cid), Beta (amy), Gamma (bea), Delta (dot),
 * Omega (no writer).
 */
final class RelationDetailsRows {
    private RelationDetailsRows() {}

    /** Creates the rows and returns the writers amy, bea, cid, dot. */
    static List<Writer> create() {
        Country fr = Country.objects.create(Map.of("name", "France"));
        Country uk = Country.objects.create(Map.of("name", "UK"));
        Writer amy = Writer.objects.create(Map.of("name", "amy", "country", uk));
        Writer bea = Writer.objects.create(Map.of("name", "bea", "country", fr));
        Writer cid = Writer.objects.create(Map.of("name", "cid", "country", uk, "active", false));
        Writer dot = Writer.objects.create(Map.of("name", "dot"));
        Novel.objects.create(Map.of("title", "Alpha", "writer", cid));
        Novel.objects.create(Map.of("title", "Beta", "writer", amy));
        Novel.objects.create(Map.of("title", "Gamma", "writer", bea));
        Novel.objects.create(Map.of("title", "Delta", "writer", dot));
        Novel.objects.create(Map.of("title", "Omega"));
        return List.of(amy, bea, cid, dot);
    }

    static Novel novel(String title) {
        return Novel.objects.get("title", title);
    }
}
