using System.Collections.Immutable;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>The merged tree to a <see cref="ComposeProject"/>: top-level resources, services, the implicit default network, checks.</summary>
internal static class ProjectDecoder
{
    public static ComposeProject? Decode(
        YMapping root, string name, string projectDir, ImmutableArray<string> files,
        Func<string, string?> lookup, Func<string, string> display, List<Diagnostic> diagnostics)
    {
        var r = new Reader(diagnostics, "");
        foreach (var entry in root.Entries)
        {
            if (entry.Name.StartsWith("x-", StringComparison.Ordinal) || ServiceKeys.TopLevel.Contains(entry.Name)) continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownField, $"unknown top-level field \"{entry.Name}\"", entry.Key.Location));
        }
        if (root.Find("version") is { } version)
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ObsoleteField, "the attribute \"version\" is obsolete and ignored", version.Key.Location));

        var networks = Section(r, root, "networks").ToDictionary(e => e.Name, e => TopLevelDecoder.Network(r, e, name), StringComparer.Ordinal);
        var volumes = Section(r, root, "volumes").ToDictionary(e => e.Name, e => TopLevelDecoder.Volume(r, e, name), StringComparer.Ordinal);
        var secrets = Section(r, root, "secrets").ToDictionary(e => e.Name, e => TopLevelDecoder.Secret(r, e, name, isConfig: false), StringComparer.Ordinal);
        var configs = Section(r, root, "configs").ToDictionary(e => e.Name, e => TopLevelDecoder.Secret(r, e, name, isConfig: true), StringComparer.Ordinal);

        var context = new DecodeContext(lookup, display, networks.Keys.ToHashSet(), volumes.Keys.ToHashSet(), secrets.Keys.ToHashSet(), configs.Keys.ToHashSet());
        var services = new Dictionary<string, Service>(StringComparer.Ordinal);
        foreach (var entry in Section(r, root, "services"))
        {
            if (!IsValidServiceName(entry.Name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidServiceName, $"invalid service name \"{entry.Name}\": use letters, digits, '.', '_' and '-'", entry.Key.Location));
                continue;
            }
            if (ServiceDecoder.Decode(entry.Name, entry, context, diagnostics) is { } service) services[entry.Name] = service;
        }

        if (services.Values.Any(s => s.Networks.ContainsKey("default")) && !networks.ContainsKey("default"))
            networks["default"] = new Network("default") { Name = $"{name}_default" };

        Dependencies.Check(services, diagnostics);
        return new ComposeProject
        {
            Name = name,
            WorkingDirectory = projectDir,
            ComposeFiles = files,
            Services = Maps.From(services),
            Networks = Maps.From(networks),
            Volumes = Maps.From(volumes),
            Secrets = Maps.From(secrets),
            Configs = Maps.From(configs),
            Extensions = r.Extensions(root),
            Other = Reader.Plain(root, key => key == "models"),
            Fields = FieldPaths.Of(root, recursive: false),
        };
    }

    private static IEnumerable<YEntry> Section(Reader r, YMapping root, string key) =>
        r.Map(root[key], key)?.Entries ?? [];

    private static bool IsValidServiceName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
