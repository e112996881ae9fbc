package dev.quarry.spi;

import java.util.List;
import java.util.Map;

/**
 * How to start a database's own client on a database ({@code quarry dbshell}): the program and its
 * arguments, and environment variables to set (a password goes there, not on the command line).
 *
 * @param arguments the program and its arguments ({@code psql -h localhost ...}); empty when the backend has no shell
 * @param environment variables to add to the client's environment ({@code PGPASSWORD})
 */
public record ShellCommand(List<String> arguments, Map<String, String> environment) {
    /** Copies the lists. */
    public ShellCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** The command and environment, with the environment's values (passwords) left out. */
    @Override
    public String toString() {
        return String.join(" ", arguments) + (environment.isEmpty() ? "" : " (environment: " + environment.keySet() + ")");
    }
}
