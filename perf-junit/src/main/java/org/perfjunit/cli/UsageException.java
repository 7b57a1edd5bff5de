package org.perfjunit.cli;

/** Wrong command-line usage; the CLI prints the message with the help and exits 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
