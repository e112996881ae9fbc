package dev.quarry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand of {@code quarry} has: the top command (settings, Quarry, terminal), its own spec, and {@code --help}. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    QuarryCommand quarry;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    /** Where the command prints. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where the command prints errors. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
