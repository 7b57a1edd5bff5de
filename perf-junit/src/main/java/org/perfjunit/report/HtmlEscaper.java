package org.perfjunit.report;

import org.perfjunit.model.Printable;

/**
 * Escapes text for HTML and SVG element content and quoted attribute values; control and bidi
 * formatting characters become visible escapes ({@link Printable}), so a name cannot reorder itself.
 */
final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /** {@code s} with {@code & < > " '} replaced by entities and control characters escaped; null becomes empty. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        s = Printable.escape(s).replace("\\n", "\n"); // line breaks in messages stay line breaks
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
