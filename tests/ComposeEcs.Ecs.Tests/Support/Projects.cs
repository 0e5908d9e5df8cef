using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

/// <summary>Hand-built compose projects, shaped as the loader leaves them (default network filled in).</summary>
public static class Projects
{
    public static ComposeProject Project(params Service[] services) => new()
    {
        Name = "demo",
        WorkingDirectory = "/work/demo",
        Services = Maps.From(services.Select(s => KeyValuePair.Create(s.Name, s))),
        Networks = Maps.From(services.SelectMany(s => s.Networks.Keys).Distinct()
            .Select(n => KeyValuePair.Create(n, new Network(n) { Name = $"demo_{n}" }))),
    };

    public static Service Service(string name, string image = "nginx:1.27") => new()
    {
        Name = name,
        Image = image,
        Networks = Maps.From([KeyValuePair.Create("default", new ServiceNetwork())]),
    };

    public static Service OnNetworks(this Service service, params string[] networks) => service with
    {
        Networks = Maps.From(networks.Select(n => KeyValuePair.Create(n, new ServiceNetwork()))),
    };

    public static Service Publishing(this Service service, params ServicePort[] ports) => service with { Ports = [.. service.Ports, .. ports] };

    public static ServicePort Port(int published, int target, string protocol = "tcp") =>
        new(target) { Published = published.ToString(System.Globalization.CultureInfo.InvariantCulture), Protocol = protocol };

    public static ServicePort WithExtensions(this ServicePort port, params (string Key, object? Value)[] values) =>
        port with { Extensions = Ext(values) };

    public static Service WithExtensions(this Service service, params (string Key, object? Value)[] values) =>
        service with { Extensions = Ext(values) };

    public static ComposeProject WithExtensions(this ComposeProject project, params (string Key, object? Value)[] values) =>
        project with { Extensions = Ext(values) };

    public static Extensions Ext(params (string Key, object? Value)[] values) =>
        new(Maps.From(values.Select(v => KeyValuePair.Create(v.Key, v.Value))));

    public static ImmutableArray<object?> List(params object?[] items) => [.. items];

    public static ImmutableSortedDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        Maps.From(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    public static ComposeProject With(this ComposeProject project, Func<Service, Service> change) => project with
    {
        Services = Maps.From(project.Services.Select(s => KeyValuePair.Create(s.Key, change(s.Value)))),
    };
}

/// <summary>Runs the transform and reads the template it returns.</summary>
public static class Transform
{
    /// <summary>Converts, asserting success and a template that passes every check (references, cycles, resource spec, writers); warnings are allowed.</summary>
    public static Template Ok(ComposeProject project)
    {
        var result = ComposeTransform.Convert(project);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var template = result.Value!;
        TemplateAssert.Valid(template);
        return template;
    }

    public static ImmutableArray<Diagnostic> Warnings(ComposeProject project)
    {
        var result = ComposeTransform.Convert(project);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return [.. result.Warnings];
    }

    public static ImmutableArray<string> Errors(ComposeProject project)
    {
        var result = ComposeTransform.Convert(project);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return [.. result.Errors.Select(e => e.Message)];
    }

    public static MapExpr Properties(this Template template, string id)
    {
        Assert.True(template.Resources.ContainsKey(id), $"no resource {id}; have {string.Join(", ", template.Resources.Keys)}");
        return template.Resources[id].Properties;
    }

    public static IEnumerable<string> OfType(this Template template, string type) =>
        template.Resources.Where(r => r.Value.Type == type).Select(r => r.Key);

    /// <summary>Follows a dotted path of keys and list indexes: <c>ContainerDefinitions.0.Image</c>.</summary>
    public static Expr? At(this Expr expr, string path)
    {
        Expr? current = expr;
        foreach (var part in path.Split('.'))
            current = current switch
            {
                MapExpr map => map[part],
                ListExpr list when int.TryParse(part, out var i) && i < list.Items.Length => list.Items[i],
                _ => null,
            };
        return current;
    }

    /// <summary>The service's own container definition (found by name, sidecars aside).</summary>
    public static MapExpr Container(this Template template, string service) =>
        ((ListExpr)template.Properties(LogicalIds.TaskDefinition(service)).At("ContainerDefinitions")!).Items
            .OfType<MapExpr>().Single(c => c["Name"] == new Str(Containers.Name(service)));

    public static Expr[] Items(this Expr? list) => [.. Assert.IsType<ListExpr>(list).Items];
}
