namespace ComposeEcs.CloudFormation.Resources.Efs;

// Property names are the CloudFormation names (AWS::EFS::* in the CloudFormation template reference).

public sealed record FileSystem : ResourceProperties
{
    public override string ResourceType => "AWS::EFS::FileSystem";
    public bool? Encrypted { get; init; }
    /// <summary><c>generalPurpose</c> or <c>maxIO</c>.</summary>
    public string? PerformanceMode { get; init; }
    /// <summary><c>bursting</c>, <c>provisioned</c> or <c>elastic</c>.</summary>
    public string? ThroughputMode { get; init; }
    public double? ProvisionedThroughputInMibps { get; init; }
    public IReadOnlyList<LifecyclePolicy>? LifecyclePolicies { get; init; }
    public BackupPolicy? BackupPolicy { get; init; }
    public IReadOnlyList<ElasticFileSystemTag>? FileSystemTags { get; init; }
}

/// <summary>One lifecycle rule; exactly one of the properties is set per entry.</summary>
public sealed record LifecyclePolicy : PropertyObject
{
    /// <summary><c>AFTER_1_DAY</c> .. <c>AFTER_365_DAYS</c>.</summary>
    public string? TransitionToIA { get; init; }
    public string? TransitionToArchive { get; init; }
    /// <summary><c>AFTER_1_ACCESS</c>.</summary>
    public string? TransitionToPrimaryStorageClass { get; init; }
}

/// <summary><c>Status</c>: ENABLED or DISABLED.</summary>
public sealed record BackupPolicy(string Status) : PropertyObject;

public sealed record ElasticFileSystemTag(Expr Key, Expr Value) : PropertyObject;

public sealed record MountTarget : ResourceProperties
{
    public override string ResourceType => "AWS::EFS::MountTarget";
    public required Expr FileSystemId { get; init; }
    public required Expr SubnetId { get; init; }
    public required IReadOnlyList<Expr> SecurityGroups { get; init; }
}

public sealed record AccessPoint : ResourceProperties
{
    public override string ResourceType => "AWS::EFS::AccessPoint";
    public required Expr FileSystemId { get; init; }
    public PosixUser? PosixUser { get; init; }
    public RootDirectory? RootDirectory { get; init; }
    public IReadOnlyList<AccessPointTag>? AccessPointTags { get; init; }
}

/// <summary>Uid/Gid as strings, as the schema types them.</summary>
public sealed record PosixUser(string Uid, string Gid) : PropertyObject;

public sealed record RootDirectory : PropertyObject
{
    public string? Path { get; init; }
    public CreationInfo? CreationInfo { get; init; }
}

/// <summary>Owner of the root directory when EFS creates it; <c>Permissions</c> is octal text such as <c>0755</c>.</summary>
public sealed record CreationInfo(string OwnerUid, string OwnerGid, string Permissions) : PropertyObject;

public sealed record AccessPointTag(Expr Key, Expr Value) : PropertyObject;
