package dev.quarry.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where the command's questions are answered: the user's terminal, or none ({@code --no-input}, CI, the
 * Maven plugin), in which case a question that needs an answer fails with the option that gives it.
 */
final class Terminal {
    private final BufferedReader in;
    private final boolean interactive;

    Terminal(BufferedReader in, boolean interactive) {
        this.in = in;
        this.interactive = interactive;
    }

    boolean interactive() {
        return interactive;
    }

    /** The answer to {@code question}, printed on {@code out}; end of input is an empty answer. */
    String ask(java.io.PrintWriter out, String question) {
        out.print(question);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? "" : line.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A yes/no question; anything but y or yes is no. */
    boolean confirm(java.io.PrintWriter out, String question) {
        String a = ask(out, question + " [y/N] ");
        return a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes");
    }
}
