package dev.quarry.compiledqueries;

import java.util.List;

/** The rows the cache tests of this package query, made the same way for each. */
final class Catalog {
    private Catalog() {}

    /** Makers a..d with ranks 0..3; parts p00..p11 of weight i % 5, of maker i % 4, none for every sixth. */
    static void seed(List<Maker> makers, List<Part> parts) {
        for (int i = 0; i < 4; i++) {
            int k = i;
            makers.add(Maker.objects.create(m -> {
                m.name = String.valueOf((char) ('a' + k));
                m.rank = k;
            }));
        }
        for (int i = 0; i < 12; i++) {
            int k = i;
            parts.add(Part.objects.create(p -> {
                p.name = "p" + (k < 10 ? "0" : "") + k;
                p.weight = k % 5;
                if (k % 6 != 5) {
                    p.maker.set(makers.get(k % 4));
                }
            }));
        }
    }
}
