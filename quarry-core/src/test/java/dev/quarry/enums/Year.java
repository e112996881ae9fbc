package dev.quarry.enums;

import dev.quarry.Choice;

/** Stored by a text value of its own (Django's TextChoices), with explicit labels. */
public enum Year implements Choice<String> {
    FRESHMAN("FR", "Freshman"), SOPHOMORE("SO", "Sophomore"), JUNIOR("JR", "Junior");

    private final String value;
    private final String label;

    Year(String value, String label) {
        this.value = value;
        this.label = label;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public String label() {
        return label;
    }
}
