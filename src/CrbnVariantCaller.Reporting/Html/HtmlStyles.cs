namespace CrbnVariantCaller.Reporting.Html;

/// <summary>The report's inline stylesheet (the page loads nothing from the network).</summary>
internal static class HtmlStyles
{
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{background:#1d2b44;color:#fff;padding:18px 28px}
        header h1{margin:0 0 4px;font-size:22px}
        header .meta{font-size:13px;opacity:.85}
        main{max-width:1240px;margin:0 auto;padding:10px 24px 40px}
        main.wide{max-width:none}
        table.summary{font-size:12px}
        table.summary th,table.summary td{overflow-wrap:break-word;padding:3px 4px}
        table.summary td:nth-child(4){min-width:11em}
        table.summary .badge{font-size:11px;padding:2px 6px;white-space:normal}
        section{background:#fff;border:1px solid #dde1e7;border-radius:6px;margin:16px 0;padding:14px 18px}
        h2{font-size:17px;margin:0 0 10px}
        table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
        th,td{border-bottom:1px solid #e6e8ec;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
        .scroll{max-width:100%;overflow-x:auto}
        table.findings{table-layout:fixed}
        table.findings th.tier{width:12em}
        table.findings th.lvl{width:8em}
        table.findings th.cat{width:7em}
        table.findings th.ev{width:17em}
        table.findings td.evidence{font-size:12px;color:#444}
        td.tier{font-weight:700}
        td.tier .rule{font-weight:400;font-size:11px;color:#555}
        table.inputs td:nth-child(4){font-family:ui-monospace,monospace;font-size:11px}
        p.overall{font-size:15px}
        ol.refs{font-size:12px;padding-left:22px}
        ol.refs li{margin:3px 0}
        sup.cite{font-size:10px;margin-left:2px}
        sup.cite a{color:#1f5fa8;text-decoration:none}
        @page{size:A4;margin:12mm}
        @media print{body{background:#fff}main{max-width:none;padding:0 8px}section{break-inside:auto;border:none;padding:6px 0}.scroll{overflow:visible}table{font-size:8.5px}th,td{padding:2px 3px;overflow-wrap:break-word}td.num{white-space:nowrap}table.findings td.evidence,table.findings td.tier .rule,table.findings .lvl,main sup.cite{font-size:8px}table.findings th.tier{width:10em}table.findings th.ev{width:15em}tr{break-inside:avoid}thead{display:table-header-group}svg.plot{max-width:100%}header{background:#fff;color:#000;padding:6px 0}}
        th{background:#f0f2f5}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;padding:3px 10px;border-radius:12px;font-weight:600;font-size:14px}
        .resistance_mechanism_detected{background:#c62828;color:#fff}
        .possible{background:#ef8f00;color:#fff}
        .none_detected{background:#2e7d32;color:#fff}
        .not_assessable{background:#757575;color:#fff}
        .lvl{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#555}
        .warn{background:#fff4e5;border-left:4px solid #ef8f00;padding:6px 10px;margin:6px 0}
        .note{font-size:12px;color:#555}
        svg.plot{max-width:100%;height:auto;display:block;margin:8px 0}
        svg .axis{stroke:#333;stroke-width:1}
        svg .grid{stroke:#e3e3e3;stroke-width:1}
        svg .quartile{stroke:#b0b0b0;stroke-width:1;stroke-dasharray:3 3}
        svg .depth{fill:none;stroke:#1f5fa8;stroke-width:1.2}
        svg .lod{fill:none;stroke:#7b3fa0;stroke-width:1.2}
        svg .target{stroke:#c62828;stroke-width:1.2;stroke-dasharray:6 4}
        svg .exon-edge{stroke:#c9c9c9;stroke-width:1;stroke-dasharray:2 3}
        svg .bar{fill:#1f5fa8}
        svg .bar.dbd{fill:#c62828}
        svg .bar.filtered{fill:#a9a9a9}
        svg .bar.low{fill:#c62828}
        svg .bar.high{fill:#ef8f00}
        svg .track{fill:#eef0f3}
        svg .intron{stroke:#777;stroke-width:1.5}
        svg .exon{fill:#1f5fa8}
        svg .exon.e10{fill:#c62828}
        svg .arc{fill:none;stroke:#1f5fa8;opacity:.8}
        svg .arc.skip{stroke:#c62828}
        svg .arc.novel{stroke:#ef8f00}
        svg .lbl{font-size:11px;fill:#333}
        svg .small{font-size:10px}
        footer{font-size:12px;color:#666;text-align:center;margin:20px}
        """;

    /// <summary>Added after <see cref="Css"/> on the batch summary: one wide table, printed on landscape pages.</summary>
    public const string SummaryCss = """

        @page{size:A4 landscape;margin:10mm}
        @media print{table.summary{font-size:8px}table.summary .badge{font-size:8px}table.summary th,table.summary td{overflow-wrap:break-word;padding:2px 3px}}
        table.summary td.num{white-space:nowrap}
        """;
}
