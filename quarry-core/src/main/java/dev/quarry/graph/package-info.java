/**
 * Drawings of a Quarry's models and their relations ({@link dev.quarry.graph.ModelGraph}): Mermaid and Graphviz
 * text, and a small SVG, each relation labelled with its forward name and the reverse accessor and query names the
 * other side gets. Reads only the public metadata ({@code ModelInfo}, {@code FieldInfo}, {@code RelationInfo}), so
 * it imports nothing but the API package. See docs/graph.md.
 */
package dev.quarry.graph;
