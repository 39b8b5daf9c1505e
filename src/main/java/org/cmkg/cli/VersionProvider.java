package org.cmkg.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (absent when run from classes). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"cmkg " + (version == null ? "(development build)" : version)};
    }
}
