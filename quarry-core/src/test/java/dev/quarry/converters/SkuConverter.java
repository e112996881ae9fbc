package dev.quarry.converters;

/** A Sku as its code, in a text column; returns null for a blank code, which Quarry refuses. */
public final class SkuConverter extends TextConverter<Sku> {
    /** The converter Quarry creates. */
    public SkuConverter() {
        super(Sku::code, s -> s.isBlank() ? null : new Sku(s));
    }
}
