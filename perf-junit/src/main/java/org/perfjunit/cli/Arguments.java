package org.perfjunit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --option value} pairs, parsed by hand (no CLI library). */
record Arguments(List<String> positional, Map<String, String> options) {

    static Arguments parse(String[] args, String... allowedOptions) {
        Set<String> allowed = Set.of(allowedOptions);
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (!allowed.contains(name)) {
                    throw new UsageException("unknown option [" + name + "]");
                }
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isEmpty()) {
                    throw new UsageException("option [" + name + "] needs a value");
                }
                options.put(name, value);
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(List.copyOf(positional), Map.copyOf(options));
    }

    String option(String name, String fallback, String... choices) {
        String value = options.getOrDefault(name, fallback);
        if (choices.length > 0 && !List.of(choices).contains(value)) {
            throw new UsageException("option [" + name + "] must be one of " + String.join("|", choices)
                    + ", was [" + value + "]");
        }
        return value;
    }

    void expectPositional(int count, String what) {
        if (positional.size() != count) {
            throw new UsageException("expected " + what + ", got " + positional);
        }
    }
}
