namespace ComposeEcs.CloudFormation.Resources.Ec2
{
    public sealed record LaunchTemplate : ResourceProperties
    {
        public override string ResourceType => "AWS::EC2::LaunchTemplate";
        public Expr? LaunchTemplateName { get; init; }
        public required LaunchTemplateData LaunchTemplateData { get; init; }
        public IReadOnlyList<LaunchTemplateTagSpecification>? TagSpecifications { get; init; }
    }

    public sealed record LaunchTemplateData : PropertyObject
    {
        public Expr? ImageId { get; init; }
        public string? InstanceType { get; init; }
        public IamInstanceProfile? IamInstanceProfile { get; init; }
        public IReadOnlyList<Expr>? SecurityGroupIds { get; init; }
        /// <summary>Base64 text (<c>Fn::Base64</c>).</summary>
        public Expr? UserData { get; init; }
        public MetadataOptions? MetadataOptions { get; init; }
        public IReadOnlyList<LaunchTemplateTagSpec>? TagSpecifications { get; init; }
    }

    public sealed record IamInstanceProfile : PropertyObject
    {
        public Expr? Arn { get; init; }
        public Expr? Name { get; init; }
    }

    public sealed record MetadataOptions : PropertyObject
    {
        /// <summary><c>required</c> for IMDSv2 only.</summary>
        public string? HttpTokens { get; init; }
        public int? HttpPutResponseHopLimit { get; init; }
        public string? HttpEndpoint { get; init; }
    }

    /// <summary>Tags the launch template resource itself.</summary>
    public sealed record LaunchTemplateTagSpecification(string ResourceType, IReadOnlyList<Tag> Tags) : PropertyObject;

    /// <summary>Tags the instances (and volumes) launched from the template (the <c>TagSpecification</c> property type).</summary>
    public sealed record LaunchTemplateTagSpec(string ResourceType, IReadOnlyList<Tag> Tags) : PropertyObject;
}

namespace ComposeEcs.CloudFormation.Resources.Iam
{
    /// <summary>Lets EC2 instances (the GPU capacity) assume a role.</summary>
    public sealed record InstanceProfile : ResourceProperties
    {
        public override string ResourceType => "AWS::IAM::InstanceProfile";
        public required IReadOnlyList<Expr> Roles { get; init; }
        public string? Path { get; init; }
    }
}
