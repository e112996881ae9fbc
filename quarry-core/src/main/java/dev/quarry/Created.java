package dev.quarry;

/**
 * What {@code getOrCreate} and {@code updateOrCreate} return: the object, and whether this call
 * inserted it (Django's {@code (obj, created)} pair).
 *
 * @param object the row found or inserted, bound to its Quarry
 * @param created {@code true} when this call inserted the row
 * @param <T> the model
 */
public record Created<T extends Model>(T object, boolean created) {
}
