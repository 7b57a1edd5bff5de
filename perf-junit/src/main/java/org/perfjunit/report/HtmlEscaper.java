package org.perfjunit.report;

/** Escapes text for HTML and SVG element content and quoted attribute values. */
final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /** {@code s} with {@code & < > " '} replaced by entities; null becomes empty. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
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
