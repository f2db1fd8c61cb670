package dev.meridian.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The domain's server.log, read from where the current start began. */
final class ServerLog {

    private static final String BOOTSTRAP_MARKER = "MERIDIAN-BOOTSTRAP";
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more)");

    private final Path file;
    private final long startOffset;

    private ServerLog(Path file, long startOffset) {
        this.file = file;
        this.startOffset = startOffset;
    }

    /** Marks the current end of the log, before the server starts writing to it. */
    static ServerLog fromCurrentEnd(Path file) throws IOException {
        return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /**
     * The application logs the platform admin's initial credentials once, on its first start against an empty
     * database. In the log the message follows the record header on its own line and ends with "]]".
     */
    Optional<String> bootstrapMessage() throws IOException {
        return lines().stream()
                .filter(line -> line.contains(BOOTSTRAP_MARKER))
                .map(line -> line.substring(line.indexOf(BOOTSTRAP_MARKER)).replaceFirst("]]\\s*$", "").strip())
                .findFirst();
    }

    /** The last lines written during this start, without stack frames, which would crowd out the messages. */
    List<String> tail(int count) throws IOException {
        List<String> lines = lines().stream().filter(line -> !STACK_FRAME.matcher(line).lookingAt()).toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    private List<String> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] content = Files.readAllBytes(file);
        // A file smaller than at the start was rotated meanwhile: all of it is new
        int from = content.length < startOffset ? 0 : (int) startOffset;
        return new String(content, from, content.length - from, StandardCharsets.UTF_8).lines().toList();
    }
}
