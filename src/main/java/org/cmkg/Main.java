package org.cmkg;

import org.cmkg.cli.Cli;

/** Entry point of the jar: {@code java -jar cmkg.jar serve --port 3030}. */
public final class Main {
    public static void main(String[] args) {
        int code = Cli.run(args);
        System.exit(code);
    }

    private Main() {}
}
