package org.cmkg.cli;

/** {@code --format} of the commands that print a report for people or for programs (load, stats). */
enum OutputFormat {
    TEXT, JSON
}
