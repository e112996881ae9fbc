package dev.quarry.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option of every command (a picocli mixin). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;
}
