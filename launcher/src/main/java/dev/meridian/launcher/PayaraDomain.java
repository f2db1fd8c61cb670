package dev.meridian.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Payara Server domain {@code meridian}, driven through asadmin. The server JVM inherits asadmin's
 * environment, which is how the application gets its {@code DATABASE_*} settings.
 */
final class PayaraDomain {

    static final String NAME = "meridian";

    private final Path payaraHome;
    private final Path domainsDir;
    private final int portBase;
    private final Map<String, String> environment;

    /**
     * @param environment
     *            the server's environment (asadmin runs with it, and start-domain passes it on)
     */
    PayaraDomain(Path payaraHome, Path domainsDir, int portBase, Map<String, String> environment) {
        this.payaraHome = payaraHome;
        this.domainsDir = domainsDir;
        this.portBase = portBase;
        this.environment = new HashMap<>(environment);
        // Payara runs on the launcher's JDK unless the user chose one
        this.environment.putIfAbsent("AS_JAVA", System.getProperty("java.home"));
    }

    Path serverLog() {
        return directory().resolve("logs/server.log");
    }

    void createIfMissing() throws IOException {
        if (Files.exists(domainXml())) {
            return;
        }
        System.out.println("Creating Payara domain " + NAME + " in " + domainsDir + " (port base " + portBase + ")");
        asadmin("create-domain", "--nopassword", "--portbase", Integer.toString(portBase),
                "--domaindir", domainsDir.toString(), NAME);
        disableHazelcast();
    }

    /** A launcher that was killed leaves its server running; the new one needs the ports. */
    void stopLeftover() throws IOException {
        if (isRunning()) {
            System.out.println("Payara domain " + NAME + " was left running by an earlier launcher");
            stop();
        }
    }

    void start() throws IOException {
        System.out.println("Starting Payara domain " + NAME + " (HTTP port " + (portBase + 80) + ")");
        removePreviousDeployment();
        asadmin("start-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    void deploy(Path ear) throws IOException {
        System.out.println("Deploying " + ear);
        asadmin("--port", Integer.toString(portBase + 48), "deploy", "--force=true", "--name", NAME,
                ear.toString());
    }

    void stop() throws IOException {
        if (!isRunning()) {
            return;
        }
        System.out.println("Stopping Payara domain " + NAME);
        asadmin("stop-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    private boolean isRunning() throws IOException {
        Path pidFile = directory().resolve("config/pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Meridian runs as a single server, so Hazelcast's clustering only costs start time and ports. Editing
     * domain.xml before the first start does what {@code asadmin set-hazelcast-configuration --enabled=false}
     * does, without the start and restart that command needs.
     */
    private void disableHazelcast() throws IOException {
        String element = "<hazelcast-config-specific-configuration";
        String xml = Files.readString(domainXml());
        if (!xml.contains(element)) {
            throw new IllegalStateException("No Hazelcast configuration to disable in " + domainXml());
        }
        Files.writeString(domainXml(), xml.replace(element, element + " enabled=\"false\""));
    }

    /**
     * Does offline what {@code asadmin undeploy} would do. A deployment left from an earlier run loads while the
     * domain starts, after start-domain has returned, and a deploy arriving meanwhile fails ("Cannot create
     * scratch directory", also when the old one is merely disabled). Removing it while the domain is stopped
     * avoids that race and loading an application that is replaced anyway.
     */
    private void removePreviousDeployment() throws IOException {
        String xml = Files.readString(domainXml());
        String withoutApplication = xml
                .replaceAll("(?s)\\s*<application-ref\\s[^>]*\\bref=\"" + NAME + "\"[^>]*?(/>|>\\s*</application-ref>)",
                        "")
                .replaceAll("(?s)\\s*<application\\s[^>]*\\bname=\"" + NAME + "\"[^>]*>.*?</application>", "");
        if (withoutApplication.equals(xml)) {
            return;
        }
        Files.writeString(domainXml(), withoutApplication);
        FileTrees.delete(directory().resolve("applications").resolve(NAME));
        FileTrees.delete(directory().resolve("applications/__internal").resolve(NAME));
        try (Stream<Path> generated = Files.list(directory().resolve("generated"))) {
            for (Path kind : generated.toList()) {
                FileTrees.delete(kind.resolve(NAME));
            }
        }
    }

    private Path directory() {
        return domainsDir.resolve(NAME);
    }

    private Path domainXml() {
        return directory().resolve("config/domain.xml");
    }

    /**
     * Runs asadmin in its own session (setsid), so that the server it starts does not receive the terminal's
     * Ctrl-C: the launcher stops it, in order, before PostgreSQL.
     */
    private void asadmin(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "--wait",
                payaraHome.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("asadmin-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    // A file, not a pipe: the server started by start-domain must not hold our output open
                    .redirectOutput(output.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IOException("asadmin " + String.join(" ", arguments) + " failed (" + status + "):\n"
                        + Files.readString(output).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: asadmin " + String.join(" ", arguments), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
