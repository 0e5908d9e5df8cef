using System.Collections.Immutable;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>Applies <see cref="Interpolation"/> to every string value of a parsed file (keys are left alone, as in compose).</summary>
public static class InterpolatePass
{
    public static YNode Apply(YNode root, Func<string, string?> lookup, List<Diagnostic> diagnostics, HashSet<string> warnedUnset)
    {
        return Walk(root, "");

        YNode Walk(YNode node, string path)
        {
            switch (node)
            {
                case YScalar { Kind: ScalarKind.String } scalar when scalar.Value.Contains('$'):
                    var outcome = Interpolation.Substitute(scalar.Value, lookup);
                    foreach (var name in outcome.Unset)
                    {
                        if (warnedUnset.Add(name))
                            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.VariableNotSet, $"the \"{name}\" variable is not set, defaulting to a blank string", scalar.Location));
                    }
                    if (outcome.Error is { } error)
                    {
                        var message = error.StartsWith("required variable", StringComparison.Ordinal)
                            ? error
                            : $"invalid interpolation format for {path}: \"{scalar.Value}\" ({error}); you may need to escape any $ with another $";
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Interpolation, message, scalar.Location));
                        return scalar;
                    }
                    return scalar with { Value = outcome.Value! };
                case YSequence seq:
                    var items = ImmutableArray.CreateBuilder<YNode>(seq.Items.Length);
                    for (var i = 0; i < seq.Items.Length; i++) items.Add(Walk(seq.Items[i], $"{path}[{i}]"));
                    return seq with { Items = items.MoveToImmutable() };
                case YMapping map:
                    var entries = ImmutableArray.CreateBuilder<YEntry>(map.Entries.Length);
                    foreach (var entry in map.Entries)
                        entries.Add(entry with { Value = Walk(entry.Value, path.Length == 0 ? entry.Name : $"{path}.{entry.Name}") });
                    return map with { Entries = entries.MoveToImmutable() };
                default:
                    return node;
            }
        }
    }
}
