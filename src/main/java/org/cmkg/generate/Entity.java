package org.cmkg.generate;

/** A synthetic entity as documents refer to it: its IRI and its labels in Chinese and English. */
record Entity(String iri, String zh, String en) {}
