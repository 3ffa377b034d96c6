package org.ctoforum.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A command-line run of long named parts, such as the benchmarks and the reliability scenarios, that stops itself
 * after a time limit: the exit stops every packaged portal through its shutdown hook.
 */
public final class TimeBoxedParts {

    private static final Logger LOG = Logger.getLogger(TimeBoxedParts.class.getName());

    /** One part; it works in its own folder under {@code work} and answers whether it met its targets. */
    @FunctionalInterface
    public interface Part {
        boolean run(Path work) throws Exception;
    }

    private TimeBoxedParts() {}

    /**
     * Runs the parts named in {@code args[0]} (comma separated; none or {@code all} for every one) in order, and
     * answers whether all met their targets. Exits with 2 for an unknown part, and with 3 after {@code minutes}.
     */
    public static boolean run(String what, Map<String, Part> parts, String[] args, Path work, int minutes)
            throws Exception {
        List<String> asked = args.length == 0 || args[0].isBlank() || args[0].equals("all")
                ? List.copyOf(parts.keySet())
                : Stream.of(args[0].split(",")).map(String::strip).toList();
        for (String name : asked) {
            if (!parts.containsKey(name)) {
                System.err.println("No " + what + " '" + name + "'; there are " + parts.keySet());
                System.exit(2);
            }
        }
        stopAfter(what, minutes);
        boolean allMet = true;
        for (String name : asked) {
            LOG.info(() -> what + " " + name);
            allMet &= parts.get(name).run(work);
        }
        return allMet;
    }

    private static void stopAfter(String what, int minutes) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        TimeUnit.MINUTES.sleep(minutes);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("The " + what + " run took longer than " + minutes + " minutes; stopping it");
                    System.exit(3);
                },
                what + "-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
