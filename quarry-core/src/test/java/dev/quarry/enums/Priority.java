package dev.quarry.enums;

import dev.quarry.Choice;

/** Stored by a whole-number value of its own (Django's IntegerChoices), labels derived from the names. */
public enum Priority implements Choice<Integer> {
    LOW(10), NORMAL(20), VERY_HIGH(30);

    private final int value;

    Priority(int value) {
        this.value = value;
    }

    @Override
    public Integer value() {
        return value;
    }
}
