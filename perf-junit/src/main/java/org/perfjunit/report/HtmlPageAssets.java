package org.perfjunit.report;

/** The inline stylesheet and scripts of the HTML report (no external resources). */
final class HtmlPageAssets {

    /** Runs first: any script error marks the page, so the browser check can see it. */
    static final String EARLY_SCRIPT = "window.onerror=function(){document.documentElement"
            + ".setAttribute('data-error','script-error');};";

    /** Table filter, and a marker that the page was rendered with its charts. */
    static final String LATE_SCRIPT = """
            (function(){var q=document.getElementById('filter');
            var rows=document.querySelectorAll('#summary tbody tr');
            q.addEventListener('input',function(){var v=q.value.toLowerCase();
            rows.forEach(function(r){r.hidden=v!==''&&r.textContent.toLowerCase().indexOf(v)<0;});});
            document.documentElement.setAttribute('data-rendered',
            String(document.querySelectorAll('svg.chart').length));})();""";

    static final String CSS = """
            :root{--bg:#f6f7f9;--fg:#1d2330;--muted:#6b7385;--card:#fff;--line:#e3e6ec;--accent:#3b6fd8;
            --bad:#d43c3c;--warn:#d9891a;--good:#1f9d62;--ok:#3b6fd8;--skip:#8a91a1}
            *{box-sizing:border-box}
            body{margin:0 auto;max-width:1200px;padding:24px 28px 48px;background:var(--bg);color:var(--fg);
            font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
            code,.id,.name{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            bdi,.name,.id,.msg{unicode-bidi:isolate;overflow-wrap:anywhere;min-width:0}
            .muted{color:var(--muted)}.id{color:var(--muted);font-size:12px;margin:4px 0;word-break:break-all}
            .cards{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0 6px}
            .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 18px;
            min-width:110px;border-top:4px solid var(--accent)}
            .card b{display:block;font-size:26px}.card span{color:var(--muted)}
            .card.bad{border-top-color:var(--bad)}.card.warn{border-top-color:var(--warn)}
            .card.good{border-top-color:var(--good)}.card.ok{border-top-color:var(--ok)}
            .headline{font-size:15px;margin:8px 0 0}
            #filter{width:320px;max-width:100%;padding:7px 10px;border:1px solid var(--line);border-radius:8px;
            margin:0 0 10px;font:inherit}
            .scroll{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:10px}
            table{border-collapse:collapse;width:100%}
            th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
            th{background:#eef1f6;font-weight:600;position:sticky;top:0}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            #summary td:nth-child(2){white-space:normal;overflow-wrap:anywhere;min-width:14em}
            tr:hover td{background:#f3f6fc}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
            .badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:11px;font-weight:700;
            letter-spacing:.03em;color:#fff;background:var(--ok)}
            .badge.bad{background:var(--bad)}.badge.warn{background:var(--warn)}.badge.good{background:var(--good)}
            .badge.skip{background:var(--skip)}
            details.test{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:10px 0;
            padding:8px 14px}
            details.test>summary{cursor:pointer;font-size:14px;padding:4px 0}
            .msg{background:#fff4f4;border-left:3px solid var(--bad);padding:6px 10px;margin:6px 0;
            white-space:pre-wrap;word-break:break-word}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
            figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
            figcaption{color:var(--muted);font-size:12px;text-align:center}
            svg.chart{width:100%;height:auto;display:block}
            svg .bar{fill:#7ea6ee}svg .grid{stroke:#e8ebf0}svg text{font-size:11px;fill:#4a5263}
            svg .med{stroke:var(--fg);stroke-width:2}svg .base{stroke:var(--warn);stroke-width:2;stroke-dasharray:5 3}
            svg .b-base{fill:#b9c2d3}svg .b-now{fill:var(--accent)}svg .b-bad{fill:var(--bad)}
            svg .b-good{fill:var(--good)}svg .b-phase{fill:#8b7fd6}svg .val{font-size:11px;fill:var(--fg)}
            svg .ln{fill:none;stroke:var(--accent);stroke-width:2;stroke-linejoin:round}svg .pt{fill:var(--accent)}
            svg .cp{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:4 3}svg .cpl{fill:var(--bad);font-weight:700}
            footer{margin-top:32px;color:var(--muted);font-size:12px;text-align:center}
            """;

    private HtmlPageAssets() {
    }
}
