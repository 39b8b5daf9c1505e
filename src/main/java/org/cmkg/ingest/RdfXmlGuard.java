package org.cmkg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.cmkg.validation.Finding;

/**
 * Refuses RDF/XML that declares an external entity or an external DTD ({@code SYSTEM} or
 * {@code PUBLIC} in its {@code DOCTYPE}). Jena's RDF/XML parser does not resolve such entities,
 * but it silently reads them as empty text, so a file relying on one would load wrong data; and
 * the classic XXE attack (an upload that names {@code file:///etc/passwd} or an internal URL) is
 * better turned away in so many words. The check reads only the prolog, with a parser that has
 * every external access switched off.
 */
final class RdfXmlGuard {
    private static final Pattern EXTERNAL = Pattern.compile("\\b(SYSTEM|PUBLIC)\\b");

    private RdfXmlGuard() {}

    /** A violation naming the line of the DOCTYPE, or empty if the file declares nothing external. */
    static Optional<Finding> check(String name, IngestSource.Content content) {
        try (InputStream in = content.open()) {
            XMLStreamReader reader = factory().createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        String doctype = reader.getText();
                        if (doctype != null && EXTERNAL.matcher(doctype).find())
                            return Optional.of(Finding.syntax(Finding.Severity.VIOLATION, name,
                                    reader.getLocation().getLineNumber(), -1,
                                    "The DOCTYPE declares an external entity or DTD (SYSTEM/PUBLIC); external entities are "
                                            + "never resolved, so the file is refused. Inline the content instead."));
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // Malformed XML: the RDF/XML parser will report it with its position.
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Finding.syntax(Finding.Severity.VIOLATION, name, -1, -1, "Cannot read: " + e.getMessage()));
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // No DTD processing: the DOCTYPE is reported as text (which is what is checked) and nothing is loaded.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " not resolved");
        });
        return f;
    }
}
