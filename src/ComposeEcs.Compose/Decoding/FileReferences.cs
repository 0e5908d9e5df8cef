using System.Collections.Immutable;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>A service's <c>secrets</c> / <c>configs</c>: short (<c>- name</c>) and long (<c>source</c>, <c>target</c>, ...).</summary>
internal static class FileReferences
{
    private static readonly HashSet<string> LongKeys = ["source", "target", "uid", "gid", "mode"];

    public static ImmutableArray<FileReference> Read(Reader r, YNode? node, string field, IReadOnlySet<string> declared)
    {
        var seq = r.Seq(node, field);
        if (seq is null) return [];
        var kind = field.EndsWith("secrets", StringComparison.Ordinal) ? "secret" : "config";
        var result = ImmutableArray.CreateBuilder<FileReference>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var item = seq.Items[i];
            var at = $"{field}[{i}]";
            FileReference? reference = null;
            switch (item)
            {
                case YScalar { IsNull: false } s: reference = new FileReference(s.Value); break;
                case YMapping m:
                    r.CheckKeys(m, at, LongKeys);
                    var source = r.Str(m["source"], at + ".source");
                    if (source is null) { r.Error(at, "source is required", m); break; }
                    reference = new FileReference(source)
                    {
                        Target = r.Str(m["target"], at + ".target"),
                        Uid = r.Str(m["uid"], at + ".uid"),
                        Gid = r.Str(m["gid"], at + ".gid"),
                        Mode = Mode(r, m["mode"], at + ".mode"),
                    };
                    break;
                default: r.Error(at, "must be a name or a mapping", item); break;
            }
            if (reference is null) continue;
            if (!declared.Contains(reference.Source)) { r.Error(at, $"undefined {kind} \"{reference.Source}\"", item); continue; }
            result.Add(reference);
        }
        return result.ToImmutable();
    }

    /// <summary>File modes are usually written in octal (<c>0440</c>); YAML 1.2 reads that as decimal 440, so treat a leading 0 as octal.</summary>
    private static int? Mode(Reader r, YNode? node, string field)
    {
        var text = r.Str(node, field);
        if (text is null) return null;
        if (text.Length > 1 && text[0] == '0' && text.All(c => c is >= '0' and <= '7'))
            return Convert.ToInt32(text, 8);
        return r.Int(node, field);
    }
}
