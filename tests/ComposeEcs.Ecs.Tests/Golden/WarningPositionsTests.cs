namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>
/// Every warning and error of every golden case (convert and loader) points at a line of a compose file that contains
/// the field it names: <c>compose.yaml:10:5: warning CE2003: service "app": restart: ...</c> must point at the line with
/// <c>restart</c>; one about the service as a whole (no field first) points at the service's key.
/// </summary>
public sealed partial class WarningPositionsTests
{
    /// <summary><c>: warning CE2003: </c> (the code is part of the marker).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@": (?:warning|error)(?: CE\d{4})?: ")]
    private static partial System.Text.RegularExpressions.Regex Marker();

    public static TheoryData<string> Warnings() =>
    [
        .. CaseFolder.All("convert").SelectMany(c => Lines(c, "diagnostics.txt", "")),
        .. CaseFolder.All("loader").SelectMany(c => Lines(c, "expected.yaml", "# ")),
    ];

    private static IEnumerable<string> Lines(CaseFolder folder, string file, string prefix) =>
        (folder.ReadExpected(file) ?? "").Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && Marker().IsMatch(l))
            .Select(l => $"{folder.Directory}|{l[prefix.Length..]}");

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Warning_points_at_a_line_naming_its_field(string warning)
    {
        var (directory, line) = (warning[..warning.IndexOf('|')], warning[(warning.IndexOf('|') + 1)..]);
        var match = Marker().Match(line);
        var marker = match.Index;
        Assert.True(marker > 0, $"the warning has no position: {line}");
        var position = line[..marker].Split(':');
        var file = Path.GetFullPath(Path.Combine(directory, string.Join(':', position[..^2]).Replace("<repo>", CaseFolder.RepositoryRoot)));
        var number = int.Parse(position[^2], System.Globalization.CultureInfo.InvariantCulture);
        var source = File.ReadAllLines(file)[number - 1];

        var message = line[(marker + match.Length)..];
        var service = "";
        if (message.StartsWith("service \"", StringComparison.Ordinal))
        {
            service = message["service \"".Length..message.IndexOf("\": ", StringComparison.Ordinal)];
            message = message[(message.IndexOf("\": ", StringComparison.Ordinal) + 3)..];
        }
        var parts = message.Split(": ");
        // A diagnostic about the service as a whole (its name, the total size of its files) points at the service's key.
        var key = source.Trim();
        if (!IsFieldPath(parts[0]) && service.Length > 0 && key.EndsWith(':')
            && key.StartsWith(service[..Math.Min(40, service.Length)], StringComparison.Ordinal)) return;
        var fields = parts.Length > 1 ? parts[..^1].Select(p => p.Split('.')[^1]).ToArray() : [parts[0].Split('.')[^1]];
        var detail = parts.Length > 1 ? parts[1].Split(' ')[0] : "";
        var quoted = System.Text.RegularExpressions.Regex.Matches(message, "\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.True(
            fields.Any(f => source.Contains(f, StringComparison.Ordinal)) || Names(source, detail) || quoted.Any(q => source.Contains(q, StringComparison.Ordinal)),
            $"{line}\n  points at: {source.Trim()}\n  which names neither \"{string.Join("\", \"", fields)}\" nor \"{detail}\"");
    }

    /// <summary><c>restart</c>, <c>deploy.resources</c>, <c>x-aws-redirect</c>: a field, not the start of a sentence.</summary>
    private static bool IsFieldPath(string text) => text.Length > 0 && !text.Contains(' ', StringComparison.Ordinal);

    /// <summary>A list entry (a port, a volume) is named by its value: <c>443</c>, <c>80:8080/tcp</c>.</summary>
    private static bool Names(string source, string detail)
    {
        if (detail.Length == 0) return false;
        var value = detail.Split('/')[0].Replace("-:", "", StringComparison.Ordinal);
        return source.Contains(value, StringComparison.Ordinal);
    }
}
