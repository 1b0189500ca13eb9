namespace CrbnVariantCaller.Reliability.Tests.Names;

/// <summary>The hostile sample IDs of issue #10, each with whether the policy refuses it (exit 2) or keeps it escaped.</summary>
internal static class HostileNames
{
    public static readonly (string Name, string Case, string? Refusal)[] All =
    [
        ("../../etc/passwd", "path traversal", "is a relative path with '.' or '..'"),
        ("a/../../b", "traversal inside", "is a relative path with '.' or '..'"),
        ("/tmp/evil", "absolute path", "is an absolute path"),
        ("..\\evil", "backslash traversal", "is a relative path with '.' or '..'"),
        ("C:\\evil", "drive path", "is an absolute path"),
        ("..", "dot-dot", "is a relative path with '.' or '..'"),
        ("=HYPERLINK(\"x\")", "formula =", "starts with '='"),
        ("+cmd|' -C calc'!A0", "formula +", "starts with '+'"),
        ("-2+3", "formula -", "starts with '-'"),
        ("@SUM(A1:A9)", "formula @", "starts with '@'"),
        ("tab\there", "tab", "contains a control character (U+0009)"),
        ("new\nline", "newline", "contains a control character (U+000A)"),
        ("carriage\rreturn", "carriage return", "contains a control character (U+000D)"),
        ("nul\0byte", "NUL", "contains a control character (U+0000)"),
        ("evil\u202Egnp.exe", "bidi override", "contains an invisible formatting character (U+202E)"),
        ("zero\u200Bwidth", "zero-width space", "contains an invisible formatting character (U+200B)"),
        (new string('A', 300), "300 characters", "is 300 characters long"),
        ("", "empty", "is empty"),
        (" lead", "leading space", "starts or ends with a space"),
        ("<script>alert(1)</script>&\"'", "HTML/script", null),
        ("tumour/relapse", "slash inside (file name gets _)", null),
        ("Patient_Müller_δ-01", "non-ASCII (Latin, Greek)", null),
        ("患者07", "non-ASCII (CJK)", null),
        ("S 2, \"quoted\"", "space, comma, quotes", null),
        ("a=b+c-d@e", "formula characters inside", null),
        (new string('B', 128), "128 characters (the limit)", null),
    ];
}
