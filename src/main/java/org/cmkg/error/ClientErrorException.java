package org.cmkg.error;

/**
 * A request the server cannot answer because of the request itself. Any capability throws a
 * subclass; the HTTP layer turns it into its status and a JSON body
 * {@code {"error": <reason>, "message": <this message>}} in one place. The message is shown
 * to the user as is: say what was wrong and what would be right.
 */
public abstract class ClientErrorException extends RuntimeException {
    private final int status;

    protected ClientErrorException(int status, String message) {
        super(message);
        this.status = status;
    }

    protected ClientErrorException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status (4xx). */
    public int status() {
        return status;
    }
}
