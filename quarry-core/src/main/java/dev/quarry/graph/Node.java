package dev.quarry.graph;

import java.util.List;

/**
 * One model drawn as a box: its name and its fields as {@code name : Kind} lines (Django's field kinds, a foreign
 * key as {@code ForeignKey}), many-to-many fields last.
 *
 * @param name the model's label ({@code Book})
 * @param fields the lines of the box, {@code {name, kind}} pairs
 */
record Node(String name, List<String[]> fields) {}
