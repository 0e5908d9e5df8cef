using ComposeEcs.Compose.Decoding;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Makes relative paths of one file absolute against that file's base directory before files are merged, so a path
/// keeps meaning what its own file meant (compose-go's ResolveRelativePaths).
/// </summary>
internal static class PathsPass
{
    public static YNode Apply(YNode root, string baseDir, Func<string, string?> lookup)
    {
        if (root is not YMapping top) return root;
        var home = lookup("HOME");
        string Abs(string path)
        {
            if (path.StartsWith('~') && home is not null) path = home + path[1..];
            try { return Path.GetFullPath(Path.Combine(baseDir, path)); }
            catch (ArgumentException) { return path; }
        }
        YNode AbsNode(YNode node) => node is YScalar { IsNull: false } s ? s with { Value = Abs(s.Value), Written = s.Written ?? s.Value } : node;

        foreach (var section in new[] { "services", "secrets", "configs" })
        {
            if (top[section] is not YMapping items) continue;
            var updated = items with
            {
                Entries = [.. items.Entries.Select(e => e.Value is YMapping m ? e with { Value = section == "services" ? Service(m) : TopFile(m) } : e)],
            };
            top = top.With(section, updated);
        }
        return top;

        YMapping TopFile(YMapping m) => m["file"] is { } f ? m.With("file", AbsNode(f)) : m;

        YMapping Service(YMapping s)
        {
            switch (s["build"])
            {
                case YScalar { IsNull: false } b when !IsRemote(b.Value): s = s.With("build", AbsNode(b)); break;
                case YMapping bm when bm["context"] is YScalar c && !IsRemote(c.Value): s = s.With("build", bm.With("context", AbsNode(c))); break;
            }
            switch (s["env_file"])
            {
                case YScalar e: s = s.With("env_file", AbsNode(e)); break;
                case YSequence seq:
                    s = s.With("env_file", seq with
                    {
                        Items = [.. seq.Items.Select(i => i is YMapping im && im["path"] is { } p ? im.With("path", AbsNode(p)) : AbsNode(i))],
                    });
                    break;
            }
            if (s["volumes"] is YSequence volumes)
                s = s.With("volumes", volumes with { Items = [.. volumes.Items.Select(Volume)] });
            if (s["extends"] is YMapping ext && ext["file"] is { } file)
                s = s.With("extends", ext.With("file", AbsNode(file)));
            return s;
        }

        YNode Volume(YNode v)
        {
            switch (v)
            {
                case YScalar { IsNull: false } s:
                    var colon = s.Value.IndexOf(':');
                    if (colon <= 0) return v;
                    var source = s.Value[..colon];
                    return ServiceVolumes.IsPath(source) ? s with { Value = Abs(source) + s.Value[colon..], Written = s.Written ?? s.Value } : v;
                case YMapping m when m["type"] is YScalar { Value: "bind" } && m["source"] is YScalar { IsNull: false } src:
                    return m.With("source", AbsNode(src));
                default:
                    return v;
            }
        }
    }

    private static bool IsRemote(string context) =>
        context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal);
}
