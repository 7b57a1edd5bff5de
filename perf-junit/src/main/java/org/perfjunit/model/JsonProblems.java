package org.perfjunit.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Says what is wrong with a JSON file in perf-junit's words: no Jackson class, feature or source names. */
public final class JsonProblems {

    /** Where Jackson starts talking about itself; the message is cut there. */
    private static final String[] JACKSON_TAILS = {" (to allow", "; (to allow", " to allow", "\n", " at [Source",
        "Source:", " (for ", "StreamReadFeature", "JsonReadFeature", "(but might if"};

    private JsonProblems() {
    }

    /** The problem of {@code e}, without its location. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            return m.contains("nesting depth") ? "nested more than " + ResultJson.MAX_NESTING_DEPTH + " levels deep"
                    : m.contains("Number") ? "a number longer than perf-junit accepts"
                    : "a value longer than perf-junit accepts";
        }
        if (e instanceof JsonEOFException) {
            return "the file ends in the middle of a value (it was cut short)";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + in(u);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage() + in(v);
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + path(f) + "' must be " + expected(f.getTargetType()) + ", was [" + f.getValue() + "]";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !m.getPath().isEmpty()) {
            return "'" + path(m) + "' must be " + expected(m.getTargetType());
        }
        String m = cut(String.valueOf(e.getOriginalMessage()));
        if (m.startsWith("Trailing token")) {
            return "more content after the end of the JSON object";
        }
        if (m.startsWith("Duplicate field")) {
            return "duplicate field " + m.substring("Duplicate field ".length());
        }
        if (m.contains("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        return "malformed JSON: " + (m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1));
    }

    /**
     * Why {@code bytes} are not perf-junit's encoding (UTF-8 without a byte-order mark), or empty: a BOM
     * or UTF-16/UTF-32 means another tool re-saved the file, and perf-junit refuses to guess.
     */
    public static Optional<String> encoding(byte[] bytes) {
        boolean utf8Bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE);
        boolean wide = bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0);
        if (utf8Bom) {
            return Optional.of("it starts with a byte-order mark; perf-junit files are UTF-8 without one."
                    + " Save it again as UTF-8 without BOM");
        }
        if (utf16Bom || wide) {
            return Optional.of("it is UTF-16 or UTF-32 encoded; perf-junit files are UTF-8. Save it again as UTF-8");
        }
        return Optional.empty();
    }

    private static String in(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "" : " (in '" + path + "')";
    }

    /** {@code tests[0].metrics.time.samples}: where in the document the value sits. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == double[].class) {
            return "a list of numbers";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-01-02T03:04:05Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a " + type.getSimpleName();
    }

    private static String cut(String message) {
        int end = message.length();
        for (String tail : JACKSON_TAILS) {
            int i = message.indexOf(tail);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return message.substring(0, end).replaceAll("\\s*\\(code [^)]*\\)", "").strip();
    }
}
