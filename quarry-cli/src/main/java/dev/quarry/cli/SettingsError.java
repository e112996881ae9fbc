package dev.quarry.cli;

import dev.quarry.ImproperlyConfigured;

/** The {@code quarry} command's settings are missing or wrong (exit code {@value ExitCodes#CONFIG}); the message names the fix. */
public class SettingsError extends ImproperlyConfigured {
    private static final long serialVersionUID = 1L;

    /** An error with this message. */
    public SettingsError(String message) {
        super(message);
    }
}
