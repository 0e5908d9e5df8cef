using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComposeEcs.Compose.Yaml;

/// <summary>
/// Parses YAML text into a <see cref="YNode"/> tree straight from YamlDotNet's parse events: anchors and aliases
/// resolved, merge keys (<c>&lt;&lt;</c>) applied, scalars typed by the YAML 1.2 core schema. Never throws for bad input.
/// </summary>
public static partial class YamlParsing
{
    /// <summary>Deeper nesting (after alias expansion) is certainly not compose and would only risk the stack in the recursive passes.</summary>
    private const int MaxDepth = LoadLimits.MaxDepth;

    public static Result<YNode> Parse(string text, string displayPath) => Parse(text, displayPath, new LoadBudget());

    /// <param name="budget">Nodes and characters the whole load may still produce, aliases counted as expanded.</param>
    internal static Result<YNode> Parse(string text, string displayPath, LoadBudget budget)
    {
        var composer = new Composer(displayPath, budget);
        try
        {
            var parser = new Parser(new StringReader(text));
            var documents = composer.ReadStream(parser);
            var root = documents.Count switch
            {
                0 => YMapping.Empty(new SourceLocation(displayPath, 1, 1)),
                1 => documents[0],
                _ => documents.Skip(1).Aggregate(documents[0], (acc, next) => Merging.MergeDocuments(acc, next)),
            };
            return composer.Diagnostics.Count > 0 ? new(null, [.. composer.Diagnostics]) : new(root, []);
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(displayPath, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));
            // YamlDotNet reports tab indentation at the start of the enclosing mapping; point at the tab instead.
            if (e.Message.Contains("tab", StringComparison.Ordinal) && FirstTabIndent(text) is { } tab) location = location with { Line = tab, Column = 1 };
            return new(null, [Diagnostic.Error(DiagnosticCodes.YamlSyntax, "invalid YAML: " + CleanMessage(e.Message), location)]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return new(null, [Diagnostic.Error(DiagnosticCodes.YamlSyntax, "invalid YAML: " + e.Message, new SourceLocation(displayPath, 1, 1))]);
        }
    }

    private static int? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t')) return i + 1;
        }
        return null;
    }

    private static string CleanMessage(string message)
    {
        var cleaned = MarkPrefix().Replace(message, "").Trim();
        return cleaned.ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    public static ScalarKind Resolve(string value)
    {
        if (value.Length == 0) return ScalarKind.Null;
        switch (value)
        {
            case "~" or "null" or "Null" or "NULL": return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE": return ScalarKind.Bool;
        }
        if (IntPattern().IsMatch(value)) return ScalarKind.Int;
        if (FloatPattern().IsMatch(value)) return ScalarKind.Float;
        return ScalarKind.String;
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    private sealed class Composer(string file, LoadBudget budget)
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
        // What each anchor expands to (nodes, characters, nesting), counting nested aliases, so later passes cannot be
        // made to walk an exponential tree, a string repeated a thousand times, or a chain of aliases nested past MaxDepth.
        private readonly Dictionary<string, (long Nodes, long Chars, int Height)> _anchorSizes = new(StringComparer.Ordinal);
        private long _nodes;
        private long _chars;
        private int _depth;
        private int _peak;
        public List<Diagnostic> Diagnostics { get; } = [];

        private SourceLocation At(Mark mark) => new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

        public List<YNode> ReadStream(IParser parser)
        {
            var documents = new List<YNode>();
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                _anchors.Clear();
                var node = ReadNode(parser);
                parser.Consume<DocumentEnd>();
                if (node is not null && !(node is YScalar { IsNull: true })) documents.Add(node);
            }
            parser.Consume<StreamEnd>();
            return documents;
        }

        private YNode? ReadNode(IParser parser)
        {
            var current = parser.Current ?? throw new YamlException(Mark.Empty, Mark.Empty, "unexpected end of input");
            var outerPeak = _peak;
            _peak = _depth;
            try
            {
                return ReadNodeAt(parser, current);
            }
            finally
            {
                _peak = Math.Max(outerPeak, _peak);
            }
        }

        private YNode? ReadNodeAt(IParser parser, ParsingEvent current)
        {
            Spend(current, 1, 0);
            var start = (_nodes, _chars, _depth);
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        var size = _anchorSizes[alias.Value.Value];
                        Spend(alias, size.Nodes, size.Chars);
                        _peak = Math.Max(_peak, _depth + size.Height);
                        if (_peak > MaxDepth) throw new YamlException(alias.Start, alias.End, $"nesting deeper than {MaxDepth} levels (after alias expansion)");
                        return target;
                    }
                    throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}'");
                case Scalar scalar:
                    parser.MoveNext();
                    Spend(scalar, 0, scalar.Value.Length);
                    return Remember(scalar.Anchor, ToScalar(scalar), start);
                case SequenceStart seqStart:
                    parser.MoveNext();
                    Enter(seqStart);
                    var items = ImmutableArray.CreateBuilder<YNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(parser) ?? YScalar.String("", At(seqStart.Start)));
                    }
                    _depth--;
                    return Remember(seqStart.Anchor, new YSequence(items.ToImmutable(), At(seqStart.Start)) { Tag = LocalTag(seqStart.Tag) }, start);
                case MappingStart map:
                    parser.MoveNext();
                    Enter(map);
                    var mapping = ReadMapping(parser, map);
                    _depth--;
                    return Remember(map.Anchor, mapping, start);
                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        private void Enter(ParsingEvent start)
        {
            if (++_depth > MaxDepth) throw new YamlException(start.Start, start.End, $"nesting deeper than {MaxDepth} levels");
            _peak = Math.Max(_peak, _depth);
        }

        private void Spend(ParsingEvent at, long nodes, long chars)
        {
            _nodes += nodes;
            _chars += chars;
            if (budget.Spend(nodes, chars) is { } problem) throw new YamlException(at.Start, at.End, problem);
        }

        private YMapping ReadMapping(IParser parser, MappingStart start)
        {
            var entries = new List<YEntry>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var merged = new List<YMapping>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current;
                var keyNode = ReadNode(parser);
                var value = ReadNode(parser) ?? YScalar.String("", keyNode?.Location ?? At(start.Start));
                if (keyNode is not YScalar key)
                {
                    Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "mapping keys must be scalars", keyNode?.Location ?? At(start.Start)));
                    continue;
                }
                if (key.Value == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain })
                {
                    CollectMerge(value, merged);
                    continue;
                }
                var keyAt = keyEvent is null ? key : key with { Location = At(keyEvent.Start) };
                if (!names.Add(key.Value))
                {
                    Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"duplicate key \"{key.Value}\"", keyAt.Location));
                    continue;
                }
                entries.Add(new YEntry(keyAt with { Kind = ScalarKind.String }, value));
            }
            // Explicit keys win over merged ones; among merged maps the earlier one wins.
            foreach (var source in merged)
            {
                foreach (var entry in source.Entries)
                {
                    if (names.Add(entry.Name)) entries.Add(entry);
                }
            }
            return new YMapping([.. entries], At(start.Start)) { Tag = LocalTag(start.Tag) };
        }

        private void CollectMerge(YNode value, List<YMapping> merged)
        {
            switch (value)
            {
                case YMapping map: merged.Add(map); break;
                case YSequence seq:
                    foreach (var item in seq.Items)
                    {
                        if (item is YMapping m) merged.Add(m);
                        else Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "merge key \"<<\" expects a mapping or a list of mappings", item.Location));
                    }
                    break;
                default:
                    Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "merge key \"<<\" expects a mapping or a list of mappings", value.Location));
                    break;
            }
        }

        private YNode Remember(AnchorName anchor, YNode node, (long Nodes, long Chars, int Depth) start)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
                _anchorSizes[anchor.Value] = (Math.Max(1, _nodes - start.Nodes), _chars - start.Chars, _peak - start.Depth);
            }
            return node;
        }

        private YScalar ToScalar(Scalar scalar)
        {
            var tag = scalar.Tag;
            var location = At(scalar.Start);
            // No file name, command argument, environment variable or AWS field can hold one, and .NET's path APIs throw.
            if (scalar.Value.Contains('\0')) throw new YamlException(scalar.Start, scalar.End, "a value contains a NUL character (\\0)");
            if (!tag.IsEmpty && !tag.IsNonSpecific)
            {
                var name = tag.Value;
                var kind = name switch
                {
                    "tag:yaml.org,2002:str" => ScalarKind.String,
                    "tag:yaml.org,2002:int" => ScalarKind.Int,
                    "tag:yaml.org,2002:float" => ScalarKind.Float,
                    "tag:yaml.org,2002:bool" => ScalarKind.Bool,
                    "tag:yaml.org,2002:null" => ScalarKind.Null,
                    _ => scalar.IsPlainImplicit ? Resolve(scalar.Value) : ScalarKind.String,
                };
                return new YScalar(scalar.Value, kind, location) { Tag = LocalTag(tag) };
            }
            var resolved = scalar.Style == ScalarStyle.Plain && !tag.IsNonSpecific ? Resolve(scalar.Value) : ScalarKind.String;
            return new YScalar(scalar.Value, resolved, location);
        }

        private static string? LocalTag(TagName tag) =>
            tag.IsEmpty || tag.IsNonSpecific || !tag.IsLocal ? null : tag.Value;
    }
}
