package org.perfjunit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a valid, pretty-printed perf-junit JSON file, for the malformed-input fuzz
 * tests: truncation, wrong types, huge numbers, NaN/Infinity, duplicate keys, deep nesting, schema
 * versions, empty files, binary garbage, byte flips and dropped lines. The same seed gives the same inputs.
 */
public final class JsonMutations {

    /** One generated input: what was done to the valid file, and the bytes. */
    public record Input(String kind, byte[] bytes) {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<=: )-?[0-9][0-9.eE+-]*");
    private static final Pattern VALUE = Pattern.compile("(?<=: )(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null)");
    private static final Pattern SCHEMA = Pattern.compile("\"schemaVersion\" : [0-9]+");
    private static final String[] HUGE = {"1e400", "-1e400", "1180591620717411303424", "-1180591620717411303424",
        "1e-400", "9223372036854775808", "2147483648", "1" + "0".repeat(70)};
    private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "+1"};
    private static final String[] WRONG = {"\"x\"", "[]", "{}", "true", "null", "[1, 2]", "{\"a\" : 1}", "\"\"", "0"};

    private final String valid;
    private final Random random;

    /** Mutations of {@code valid}, drawn from a {@link Random} seeded with {@code seed}. */
    public JsonMutations(String valid, long seed) {
        this.valid = valid;
        this.random = new Random(seed);
    }

    /** The next {@code count} inputs, cycling through every kind of mutation. */
    public List<Input> next(int count) {
        List<Input> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(mutate(i % 16));
        }
        return out;
    }

    private Input mutate(int kind) {
        return switch (kind) {
            case 0 -> text("truncated", valid.substring(0, random.nextInt(valid.length())));
            case 1 -> text("wrong type", replace(VALUE, WRONG[random.nextInt(WRONG.length)]));
            case 2 -> text("huge number", replace(NUMBER, HUGE[random.nextInt(HUGE.length)]));
            case 3 -> text("NaN/Infinity", replace(NUMBER, NON_FINITE[random.nextInt(NON_FINITE.length)]));
            case 4 -> text("duplicate key", duplicateLine());
            case 5 -> {
                int depth = 20 + random.nextInt(300);
                yield text("deep nesting", replace(VALUE, "[".repeat(depth) + "]".repeat(depth)));
            }
            case 6 -> text("schema version", SCHEMA.matcher(valid).replaceFirst("\"schemaVersion\" : "
                    + List.of("0", "-1", "2", "99", "2147483648", "1.5", "\"1\"").get(random.nextInt(7))));
            case 7 -> text("empty", List.of("", " ", "\n", "\t\r\n", "null", "{}", "[]").get(random.nextInt(7)));
            case 8 -> {
                byte[] garbage = new byte[random.nextInt(512)];
                random.nextBytes(garbage);
                yield new Input("binary garbage", garbage);
            }
            case 9 -> {
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                for (int flips = 1 + random.nextInt(5); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield new Input("byte flips", bytes);
            }
            case 10 -> text("dropped line", dropLine());
            case 12 -> text("negative number", replace(NUMBER, "-" + (1 + random.nextInt(1_000_000))));
            case 13 -> text("number as text", replace(NUMBER, "\"" + (1 + random.nextInt(1000)) + "\""));
            case 14 -> text("absurd number", replace(NUMBER, List.of("1e308", "1.7976931348623157E308", "1e30")
                    .get(random.nextInt(3))));
            case 15 -> random.nextBoolean() ? new Input("UTF-16", valid.getBytes(StandardCharsets.UTF_16))
                    : new Input("UTF-8 with BOM", ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8));
            default -> text("null value", replace(VALUE, "null"));
        };
    }

    private static Input text(String kind, String content) {
        return new Input(kind, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code valid} with one randomly chosen match of {@code pattern} replaced. */
    private String replace(Pattern pattern, String replacement) {
        List<int[]> matches = new ArrayList<>();
        Matcher m = pattern.matcher(valid);
        while (m.find()) {
            matches.add(new int[] {m.start(), m.end()});
        }
        int[] at = matches.get(random.nextInt(matches.size()));
        return valid.substring(0, at[0]) + replacement + valid.substring(at[1]);
    }

    private String duplicateLine() {
        String[] lines = valid.split("\n", -1);
        int i = 1 + random.nextInt(lines.length - 2);
        String line = lines[i].endsWith(",") ? lines[i] : lines[i] + ",";
        return String.join("\n", java.util.Arrays.copyOfRange(lines, 0, i)) + "\n" + line + "\n"
                + String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
    }

    private String dropLine() {
        List<String> lines = new ArrayList<>(List.of(valid.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    /** Something done with the file holding a mutated input. */
    public interface Attempt {
        void run(Path file) throws Exception;
    }

    /** What the mutated inputs gave: how many were rejected with a location, rejected by value, or accepted. */
    public record Tally(int tried, int located, int byValue, int accepted) {
        @Override
        public String toString() {
            return tried + " inputs: " + located + " rejected naming line and column, " + byValue
                    + " rejected naming the value (empty file, schema version, field), " + accepted + " accepted as valid";
        }
    }

    /**
     * Writes each input to {@code file}, reads it with {@code read} and then tries {@code write}
     * (null: none) through it. Each must either succeed (a mutation that left a valid file) or throw
     * {@code expected} naming the file; a write must fail when the read did, and the file stays
     * byte-for-byte as written whenever either failed. Any other exception fails with the input's kind and index.
     */
    public static Tally tryAll(Path file, List<Input> inputs, Class<? extends Exception> expected,
                               Pattern location, Attempt read, Attempt write) throws Exception {
        int located = 0;
        int byValue = 0;
        int accepted = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            java.nio.file.Files.write(file, input.bytes());
            String where = "input " + i + " (" + input.kind() + ")";
            Exception readError = attempt(read, file, expected, where);
            Exception writeError = write == null ? null : attempt(write, file, expected, where);
            if (readError != null && write != null && writeError == null) {
                throw new AssertionError(where + ": unreadable, yet written through: " + readError.getMessage());
            }
            Exception error = readError != null ? readError : writeError;
            if (error == null) {
                accepted++;
                continue;
            }
            if (!java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), input.bytes())) {
                throw new AssertionError(where + ": the file was modified");
            }
            if (location.matcher(error.getMessage()).find()) {
                located++;
            } else {
                byValue++;
            }
        }
        return new Tally(inputs.size(), located, byValue, accepted);
    }

    private static Exception attempt(Attempt attempt, Path file, Class<? extends Exception> expected, String where) {
        try {
            attempt.run(file);
            return null;
        } catch (Exception e) {
            if (!expected.isInstance(e)) {
                throw new AssertionError(where + ": " + e.getClass().getName() + " leaked instead of "
                        + expected.getSimpleName(), e);
            }
            if (!e.getMessage().contains(file.toString())) {
                throw new AssertionError(where + ": the message does not name the file: " + e.getMessage(), e);
            }
            return e;
        } catch (Error e) {
            throw new AssertionError(where + ": " + e, e);
        }
    }
}
