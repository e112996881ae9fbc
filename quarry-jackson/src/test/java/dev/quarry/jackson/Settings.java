package dev.quarry.jackson;

import java.util.List;

/** A record held in a JSONField. */
public record Settings(String theme, int fontSize, List<String> plugins) {}
