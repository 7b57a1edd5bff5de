package org.perfjunit.model;

/**
 * Makes text from test names and messages safe to print: control characters (C0, DEL, C1) and the
 * invisible bidirectional formatting characters become visible escapes such as {@code \u001b}, so a
 * display name cannot move the cursor, colour a CI log, hide itself or show "evil" as "live". JSON files
 * keep names exactly; only text meant for people goes through here.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code s} with every control or bidi formatting character escaped; null becomes empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int first = 0;
        while (first < s.length() && !unsafe(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether {@code c} is a control character or an invisible bidi/line formatting character. */
    public static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
    }
}
