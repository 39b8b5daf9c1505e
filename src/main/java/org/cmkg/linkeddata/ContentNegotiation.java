package org.cmkg.linkeddata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.cmkg.error.NotAcceptableException;

/**
 * Chooses a {@link Representation} from an {@code Accept} header with Jena's own media-range
 * matching ({@link AcceptList}: q-values, wildcards, specificity). No header means "anything",
 * which gets the first offered (Turtle). A header nothing offered satisfies is a 406 that lists
 * what is offered.
 */
public final class ContentNegotiation {
    private final Map<String, Representation> byMediaType = new LinkedHashMap<>();
    private final AcceptList offered;

    /** Offers every representation under its media type, plus {@code application/json} as JSON-LD. */
    public ContentNegotiation() {
        this(Representation.values());
    }

    public ContentNegotiation(Representation... representations) {
        for (Representation r : representations)
            byMediaType.put(r.mediaType(), r);
        if (byMediaType.containsKey(Representation.JSONLD.mediaType()))
            byMediaType.put("application/json", Representation.JSONLD);
        offered = AcceptList.create(byMediaType.keySet().toArray(String[]::new));
    }

    /** The best representation for an Accept header (null or blank: the first offered). */
    public Representation choose(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank())
            return byMediaType.values().iterator().next();
        AcceptList wanted;
        try {
            wanted = new AcceptList(acceptHeader);
        } catch (RuntimeException e) {
            throw notAcceptable("The Accept header could not be read (" + e.getMessage() + ").");
        }
        MediaType match = AcceptList.match(wanted, offered);
        if (match == null)
            throw notAcceptable("Nothing offered here matches Accept: " + acceptHeader + ".");
        return byMediaType.get(match.getContentTypeStr());
    }

    /** The media types offered, comma-separated, for messages. */
    public String offeredList() {
        return String.join(", ", byMediaType.keySet());
    }

    private NotAcceptableException notAcceptable(String why) {
        String suffixes = Arrays.stream(Representation.values()).filter(byMediaType::containsValue)
                .map(r -> "." + r.suffix()).collect(Collectors.joining(" "));
        return new NotAcceptableException(why + " Offered: " + offeredList()
                + " (or add one of the suffixes " + suffixes + " to the path).");
    }
}
