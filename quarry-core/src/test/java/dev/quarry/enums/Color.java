package dev.quarry.enums;

/** Stored by name: no interface. */
public enum Color {
    RED, GREEN, BLUE
}
