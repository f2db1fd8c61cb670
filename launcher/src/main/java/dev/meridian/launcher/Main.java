package dev.meridian.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * The run command ({@code mvn -Prun -DskipTests package}): starts Meridian, prints where it answers, and
 * keeps it running until Ctrl-C, which stops the server and then the database.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        MeridianRuntime meridian;
        try {
            meridian = new MeridianRuntime(Settings.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath()));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        stopOnExit(meridian);
        try {
            meridian.start();
        } catch (IOException e) {
            System.err.println("Meridian did not start: " + e.getMessage());
            System.exit(1);
        }
        printReady(meridian, Duration.between(launched, Instant.now()));
        new CountDownLatch(1).await();
    }

    /**
     * Set up before starting, so that Ctrl-C during the start also stops what already runs. The signals are
     * handled here rather than left to the shutdown hook because zonky registers a hook of its own that stops
     * PostgreSQL at once, concurrently with ours, while the server may still be using it. Stopping first and
     * exiting afterwards keeps the order: server, then database. The hook covers any other way out.
     */
    private static void stopOnExit(MeridianRuntime meridian) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), signal -> {
                meridian.stop();
                System.exit(128 + signal.getNumber());
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(meridian::stop, "meridian-stop"));
    }

    private static void printReady(MeridianRuntime meridian, Duration elapsed) {
        URI base = meridian.baseUri();
        System.out.printf("""

                Meridian is ready (started in %.1f s)
                  API      %sapi/v1
                  Admin    %sadmin
                  Health   %shealth/ready
                  OpenAPI  %sopenapi
                Press Ctrl-C to stop.
                %n""", elapsed.toMillis() / 1000.0, base, base, base, base);
        meridian.bootstrapMessage().ifPresent(message -> System.out.printf("""
                ************************************************************************
                  First start: note the platform admin's credentials, shown only once
                  %s
                ************************************************************************
                %n""", message));
    }
}
