package dev.quarry.annotation;

/**
 * Sentinel values for annotation members that need an "unset" state: Java annotations cannot
 * default to {@code null}, so a member that may legitimately hold any string defaults to a value
 * no one would type (as Spring's {@code ValueConstants.DEFAULT_NONE}).
 */
public final class Defaults {
    /**
     * The {@code defaultValue} of a field that declares no default. Because "no default" has its
     * own value, {@code defaultValue = ""} declares an empty-string default.
     */
    public static final String NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002quarry:none\n\t\t\t\t\n";

    private Defaults() {}
}
