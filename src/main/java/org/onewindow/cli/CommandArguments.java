package org.onewindow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into options ({@code --name value} or {@code --name=value}, anywhere) and the
 * remaining arguments, in order. Only the option names the command knows are accepted.
 */
record CommandArguments(List<String> arguments, Map<String, String> options) {

    /** Reads {@code args} from index {@code from} on, accepting the options in {@code known}. */
    static CommandArguments parse(String[] args, int from, Set<String> known) throws CliOptions.Invalid {
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        int i = from;
        while (i < args.length) {
            String arg = args[i++];
            if (!arg.startsWith("--")) {
                arguments.add(arg);
                continue;
            }
            String[] nameValue = arg.split("=", 2);
            if (!known.contains(nameValue[0])) {
                throw new CliOptions.Invalid("unknown option " + nameValue[0]);
            }
            if (nameValue.length == 2) {
                options.put(nameValue[0], nameValue[1]);
            } else if (i < args.length) {
                options.put(nameValue[0], args[i++]);
            } else {
                throw new CliOptions.Invalid(nameValue[0] + " needs a value");
            }
        }
        return new CommandArguments(List.copyOf(arguments), Map.copyOf(options));
    }

    /** The option's value, or {@code otherwise} when it was not given. */
    String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    /** The option's value; a command line without it cannot be run. */
    String required(String name) throws CliOptions.Invalid {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new CliOptions.Invalid(name + " is required");
        }
        return value;
    }
}
