using System.Text.RegularExpressions;
using ComposeEcs.Compose;

namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>
/// For every sample and every convert case: each name a service uses for another one — its <c>depends_on</c>, its
/// <c>links</c> (targets and aliases), and host names in its <c>environment</c> values that are service names or
/// aliases — resolves in the generated template, by the mechanism of <see cref="ServiceDiscovery"/>: the task puts the
/// namespace in its search list before the container starts, and the name is a Cloud Map service some ECS service
/// registers in, or an alias record pointing at one. A one-shot job is not resolved but runs in the task itself.
/// </summary>
public sealed partial class NameResolutionTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var folder in CaseFolder.All("convert")) data.Add($"case:{folder.Name}");
        foreach (var sample in Directory.GetDirectories(Path.Combine(CaseFolder.RepositoryRoot, "samples")).Order(StringComparer.Ordinal))
            data.Add($"sample:{Path.GetFileName(sample)}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_name_a_service_uses_resolves_to_a_service_by_the_search_domain_mechanism(string name)
    {
        var options = name.StartsWith("case:", StringComparison.Ordinal)
            ? CaseFolder.All("convert").Single(c => c.Name == name[5..]).LoadOptions()
            : new LoadOptions { WorkingDirectory = Path.Combine(CaseFolder.RepositoryRoot, "samples", name[7..]) };
        var loaded = ComposeLoader.Load(options);
        if (!loaded.Succeeded) return;
        var project = loaded.Value!;
        var converted = ComposeTransform.Convert(project);
        if (!converted.Succeeded) return;
        var template = converted.Value!;

        var domain = ((Str)template.Properties(LogicalIds.CloudMap)["Name"]!).Value;
        var resolvable = Resolvable(template, domain);
        foreach (var service in project.Services.Values.Where(s => !Jobs.IsJob(project, s)))
        {
            var task = template.Properties(LogicalIds.TaskDefinition(service.Name)).At("ContainerDefinitions").Items().OfType<MapExpr>().ToList();
            var search = task.Single(c => c["Name"] == new Str(DnsSearch.ContainerName));
            Assert.Contains($"ns='{domain}'", ((Str)search.At("Command.0")!).Value);
            var users = Jobs.InTaskOf(project, service).Prepend(service);
            foreach (var user in users)
            {
                var container = task.Single(c => c["Name"] == new Str(Containers.Name(user.Name)));
                Assert.Contains(new MapExpr(("Condition", "SUCCESS"), ("ContainerName", DnsSearch.ContainerName)), container.At("DependsOn").Items());
                foreach (var used in NamesUsed(project, user))
                {
                    if (project.Services.TryGetValue(used, out var target) && Jobs.IsJob(project, target))
                        Assert.Contains(task, c => c["Name"] == new Str(Containers.Name(used)));
                    else
                        Assert.True(resolvable.Contains(used.ToLowerInvariant()),
                            $"{name}: service \"{user.Name}\" uses \"{used}\", which does not resolve in {domain} (resolvable: {string.Join(", ", resolvable.Order())})");
                }
            }
        }
    }

    /// <summary>Cloud Map services some ECS service registers its tasks in, and alias records pointing at one of them.</summary>
    private static HashSet<string> Resolvable(Template template, string domain)
    {
        var registered = template.OfType("AWS::ECS::Service")
            .SelectMany(id => template.Properties(id).At("ServiceRegistries") is ListExpr list ? list.Items : [])
            .Select(r => r.At("RegistryArn"))
            .OfType<MapExpr>().Select(getAtt => ((Str)getAtt.At("Fn::GetAtt.0")!).Value)
            .Select(entry => ((Str)template.Properties(entry)["Name"]!).Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(registered, StringComparer.Ordinal);
        foreach (var id in template.OfType("AWS::Route53::RecordSet"))
        {
            var record = template.Properties(id);
            Assert.Equal(Fn.GetAtt(LogicalIds.CloudMap, "HostedZoneId"), record["HostedZoneId"]);
            var alias = ((Str)record["Name"]!).Value;
            var target = ((Str)record.At("ResourceRecords.0")!).Value;
            Assert.EndsWith($".{domain}", alias);
            Assert.EndsWith($".{domain}", target);
            if (registered.Contains(target[..^(domain.Length + 1)])) names.Add(alias[..^(domain.Length + 1)]);
        }
        return names;
    }

    /// <summary><c>depends_on</c>, <c>links</c> targets and aliases, and environment host names that name a service or alias.</summary>
    private static IEnumerable<string> NamesUsed(ComposeProject project, Service service)
    {
        var known = project.Services.Keys.Concat(DnsAliases.Of(project).Select(a => a.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new List<string>(service.DependsOn.Keys);
        foreach (var link in service.Links)
        {
            used.Add(DnsAliases.LinkTarget(link));
            if (link.IndexOf(':') is > 0 and var colon) used.Add(link[(colon + 1)..]);
        }
        foreach (var value in service.Environment.Values.OfType<string>())
            used.AddRange(HostLike().Matches(value).Select(m => m.Value.TrimEnd('.')).Where(known.Contains));
        return used.Where(n => !string.Equals(n, service.Name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"[A-Za-z0-9_][A-Za-z0-9_.-]*")]
    private static partial Regex HostLike();
}
