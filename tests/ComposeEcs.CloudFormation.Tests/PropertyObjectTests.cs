using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class PropertyObjectTests
{
    private sealed record PortMapping : PropertyObject
    {
        public int? ContainerPort { get; init; }
        public string? Protocol { get; init; }
    }

    private sealed record Container : PropertyObject
    {
        public string? Name { get; init; }
        public Expr? Image { get; init; }
        public bool? Essential { get; init; }
        public double? Weight { get; init; }
        public long? Memory { get; init; }
        public ImmutableArray<PortMapping>? PortMappings { get; init; }
        public ImmutableArray<string>? Command { get; init; }
        public ImmutableSortedDictionary<string, string>? DockerLabels { get; init; }
        public ImmutableArray<Tag>? Tags { get; init; }
    }

    private sealed record FakeServiceProperties : ResourceProperties
    {
        public override string ResourceType => "AWS::ECS::Service";
        public Expr? Cluster { get; init; }
        public ImmutableArray<Container>? Containers { get; init; }
    }

    [Fact]
    public void Properties_are_written_sorted_with_nulls_omitted()
    {
        var tree = new Container { Name = "web", Essential = true, Memory = 512, Weight = 0.5 }.ToExpr();

        Assert.Equal(Map(("Essential", true), ("Memory", 512), ("Name", "web"), ("Weight", new Num("0.5"))), tree);
    }

    [Fact]
    public void Nested_records_lists_dictionaries_and_expressions_are_converted()
    {
        var container = new Container
        {
            Image = Fn.Sub("${Repo}:latest"),
            PortMappings = [new PortMapping { ContainerPort = 80, Protocol = "tcp" }, new PortMapping { ContainerPort = 53 }],
            Command = ["sh", "-c"],
            DockerLabels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("z", "1"), KeyValuePair.Create("a", "2")]),
            Tags = [new Tag("k", Fn.Ref("AWS::StackName"))],
        };

        Assert.Equal(
            Map(
                ("Command", List("sh", "-c")),
                ("DockerLabels", Map(("a", "2"), ("z", "1"))),
                ("Image", Fn.Sub("${Repo}:latest")),
                ("PortMappings", List(Map(("ContainerPort", 80), ("Protocol", "tcp")), Map(("ContainerPort", 53)))),
                ("Tags", List(Map(("Key", "k"), ("Value", Fn.Ref("AWS::StackName")))))),
            container.ToExpr());
    }

    [Fact]
    public void Empty_lists_are_written_but_null_lists_are_not()
    {
        Assert.Equal(Map(("Command", List())), new Container { Command = [] }.ToExpr());
        Assert.Equal(MapExpr.Empty, new Container().ToExpr());
    }

    [Fact]
    public void A_resource_is_made_from_its_typed_properties_without_the_type_name_as_a_property()
    {
        var resource = Resource.Of(new FakeServiceProperties { Cluster = Fn.Ref("Cluster"), Containers = [new Container { Name = "a" }] });

        Assert.Equal("AWS::ECS::Service", resource.Type);
        Assert.Equal(Map(("Cluster", Fn.Ref("Cluster")), ("Containers", List(Map(("Name", "a"))))), resource.Properties);
    }
}
