package dev.quarry.enums;

import dev.quarry.Labeled;

/** Stored by ordinal in an integer column, with labels of its own. */
public enum Size implements Labeled {
    SMALL("Small (S)"), MEDIUM("Medium (M)"), LARGE("Large (L)");

    private final String label;

    Size(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
