package com.recoverydesk.rules;

import java.nio.file.Path;

/** chains.yml cannot be used; the message names the file, the key path and what is wrong. */
public class InvalidChainsFile extends RuntimeException {

    private final Path file;
    private final String keyPath;

    InvalidChainsFile(Path file, String keyPath, String problem) {
        super(file + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
        this.file = file;
        this.keyPath = keyPath;
    }

    public Path file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }
}
