package dev.quarry.cli;

import dev.quarry.QuarryException;

/** A question the command cannot ask (no terminal, or {@code --no-input}); the message names the option that answers it. Exit code 2. */
final class NeedsAnswer extends QuarryException {
    private static final long serialVersionUID = 1L;

    NeedsAnswer(String message) {
        super(message);
    }
}
