package org.cmkg.cli;

import org.cmkg.config.ServerConfig;

import picocli.CommandLine.Option;

/** {@code --base-iri IRI} (env {@code CMKG_BASE_IRI}), declared once for serve, load and validate. */
final class BaseIriOption {
    @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = "${env:CMKG_BASE_IRI:-" + ServerConfig.DEFAULT_BASE_IRI + "}",
            description = {"Public base IRI of the data, ending in '/': a triples file goes into graph {base}graph/{file name};",
                    "serve also serves {base}{rest} at /{rest} (env CMKG_BASE_IRI)."})
    String iri;
}
