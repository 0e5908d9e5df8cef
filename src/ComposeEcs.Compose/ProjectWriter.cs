using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Output;

namespace ComposeEcs.Compose;

/// <summary>Prints a loaded project like <c>docker compose config</c>: every default applied, keys in a fixed order.</summary>
public static class ProjectWriter
{
    public static string ToYaml(ComposeProject p) => Emit.Yaml(ProjectDocument.Build(p));

    public static string ToJson(ComposeProject p) => Emit.Json(ProjectDocument.Build(p));
}

internal static class ProjectDocument
{
    public static OMap Build(ComposeProject p)
    {
        var root = new OMap().Add("name", p.Name);
        root.Add("services", Dict(p.Services, ServiceDocument.Build));
        root.Opt("networks", Dict(p.Networks, Network));
        root.Opt("volumes", Dict(p.Volumes, Volume));
        root.Opt("secrets", Dict(p.Secrets, Secret));
        root.Opt("configs", Dict(p.Configs, Secret));
        Extensions(root, p.Other);
        Extensions(root, p.Extensions);
        return root;
    }

    public static OMap Dict<T>(IEnumerable<KeyValuePair<string, T>> items, Func<T, object?> map) =>
        items.Aggregate(new OMap(), (m, kv) => m.Add(kv.Key, map(kv.Value)));

    public static OMap StrDict(IEnumerable<KeyValuePair<string, string>> items) => Dict(items, v => (object?)v);

    public static List<object?> List<T>(IEnumerable<T> items) => [.. items.Select(i => (object?)i)];

    public static void Extensions(OMap map, Extensions extensions)
    {
        foreach (var (key, value) in extensions.Values) map.Add(key, Emit.Plain(value));
    }

    private static OMap Network(Network n)
    {
        var m = new OMap().Opt("attachable", n.Attachable ? true : null).Opt("driver", n.Driver).Opt("driver_opts", StrDict(n.DriverOpts))
            .Opt("external", n.External ? true : null).Opt("internal", n.Internal ? true : null).Opt("labels", StrDict(n.Labels)).Add("name", n.Name);
        Extensions(m, n.Extensions);
        return m;
    }

    private static OMap Volume(Volume v)
    {
        var m = new OMap().Opt("driver", v.Driver).Opt("driver_opts", StrDict(v.DriverOpts)).Opt("external", v.External ? true : null)
            .Opt("labels", StrDict(v.Labels)).Add("name", v.Name);
        Extensions(m, v.Extensions);
        return m;
    }

    private static OMap Secret(Secret s)
    {
        var m = new OMap().Opt("content", s.Content).Opt("environment", s.Environment).Opt("external", s.External ? true : null)
            .Opt("file", s.File).Opt("labels", StrDict(s.Labels)).Add("name", s.Name);
        Extensions(m, s.Extensions);
        return m;
    }
}
