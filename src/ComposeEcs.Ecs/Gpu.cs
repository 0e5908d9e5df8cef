using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.AutoScaling;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>
/// Services reserving GPUs (<c>deploy.resources.reservations.devices</c> with <c>capabilities: [gpu]</c> and
/// <c>count</c> or <c>device_ids</c>, or <c>generic_resources</c> of kind <c>gpu</c>/<c>gpus</c>) run on EC2: each gets
/// a launch template on the ECS GPU-optimised AMI (the SSM-typed parameter <see cref="AmiParameter"/>), an auto
/// scaling group of the smallest <see cref="GpuInstanceTypes"/> type that fits one task, and a capacity provider with
/// managed scaling that the ECS service uses instead of a launch type. The cluster is associated with FARGATE and
/// these providers, so the other services stay on Fargate. Tasks keep awsvpc networking; ECS gives EC2 tasks no
/// public IP, so the subnets need a NAT gateway or VPC endpoints to pull images (a warning says so).
/// </summary>
internal static class Gpu
{
    public const string AmiParameter = "GpuAmiId";
    public const string AmiSsmParameter = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id";
    public const string Associations = "ClusterCapacityProviders";

    public static string CapacityProviderId(string service) => LogicalIds.Normalize(service) + "CapacityProvider";
    public static string AutoScalingGroupId(string service) => LogicalIds.Normalize(service) + "AutoScalingGroup";
    public static string LaunchTemplateId(string service) => LogicalIds.Normalize(service) + "LaunchTemplate";
    public static string InstanceRoleId(string service) => LogicalIds.Normalize(service) + "InstanceRole";
    public static string InstanceProfileId(string service) => LogicalIds.Normalize(service) + "InstanceProfile";
    public static string InstanceSecurityGroupId(string service) => LogicalIds.Normalize(service) + "InstanceSecurityGroup";

    /// <summary>
    /// GPUs the service reserves: 0 for none, null when a device asks for <c>all</c> (or gives no count). The service-level
    /// <c>gpus</c> field (<c>all</c>, or a list of devices with <c>count</c> or <c>device_ids</c>) counts like a device reservation.
    /// </summary>
    public static int? Count(Service service, ServiceAws aws)
    {
        var total = 0;
        if (aws.Gpus is { } field)
        {
            if (field.Value is not { } fromField) return null;
            total += fromField;
        }
        var reservations = service.Deploy?.Resources?.Reservations;
        if (reservations is null) return total;
        foreach (var device in reservations.Devices.Where(d => d.Capabilities.Contains("gpu")))
        {
            if (device.Count is > 0 and var count) total += count;
            else if (device.Count is null && !device.DeviceIds.IsEmpty) total += device.DeviceIds.Length;
            else return null;
        }
        total += (int)reservations.GenericResources
            .Where(g => g.Kind.Equals("gpu", StringComparison.OrdinalIgnoreCase) || g.Kind.Equals("gpus", StringComparison.OrdinalIgnoreCase))
            .Sum(g => g.Value);
        return total;
    }

    /// <summary>
    /// Instances a GPU service needs so that a rolling update fits: one task per instance, and during a deployment ECS
    /// runs up to <c>maximumPercent</c> of the desired count (rounded down; 200 by default), starting new tasks before it
    /// stops old ones. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html
    /// </summary>
    public static int InstancesNeeded(int maxTasks, int? maximumPercent) =>
        Math.Max(maxTasks, maxTasks * (maximumPercent ?? 200) / 100);

    public static GpuInstanceType? InstanceType(Service service, ServiceAws aws) =>
        Count(service, aws) is > 0 and var gpus && FargateSizes.For(service) is var size
            ? GpuInstanceTypes.Smallest(gpus, size.Cpu, size.Memory) : null;

    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        foreach (var service in project.Services.Values.Where(s => Count(s, aws.Of(s)) is not 0))
        {
            var field = aws.Of(service).Gpus is { Value: null or > 0 } ? PlainFieldBinding.GpusField
                : service.Deploy?.Resources?.Reservations?.Devices.Any(d => d.Capabilities.Contains("gpu")) == true ? "deploy.resources.reservations.devices"
                : "deploy.resources.reservations.generic_resources";
            var where = $"service \"{service.Name}\": {field}";
            var at = service.LocationOf(field);
            if (Count(service, aws.Of(service)) is not { } gpus)
                yield return Diagnostic.Error(DiagnosticCodes.Gpu, $"{where}: count: all (or no count) cannot size an instance, and Fargate has no GPUs; set count or device_ids to the number of GPUs", at);
            else if (gpus > GpuInstanceTypes.MaxGpus)
                yield return Diagnostic.Error(DiagnosticCodes.Gpu, $"{where}: {gpus} GPUs is more than the largest supported instance has ({GpuInstanceTypes.MaxGpus}); one task runs on one instance", at);
            else if (InstanceType(service, aws.Of(service)) is null)
                yield return Diagnostic.Error(DiagnosticCodes.Gpu, $"{where}: no g4dn, g5 or p3 instance has {gpus} GPU(s) and room for the task's CPU and memory", at);
            else
                yield return Diagnostic.Warning(DiagnosticCodes.GpuNetworking, 
                    $"{where}: runs on EC2 GPU instances with awsvpc networking, where tasks get no public IP; " +
                    "the subnets need a NAT gateway (or VPC endpoints) for the tasks to pull images and reach AWS", at);
            if (aws.Cluster is { } cluster)
                yield return Diagnostic.Error(DiagnosticCodes.Gpu,
                    $"service \"{service.Name}\": GPU services need a capacity provider on the cluster, and associating one would replace the capacity providers of the existing cluster \"{cluster.Value}\"; remove {AwsExtensions.Cluster} to let the project create its cluster", cluster.At ?? at);
        }
    }

    /// <summary>Plan step: EC2 capacity provider instead of Fargate, and the GPU resource requirement.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        if (Count(plan.Service, plan.Aws) is not (> 0 and var gpus)) return plan;
        return plan.WithContainer(c => c with
        {
            ResourceRequirements = [.. c.ResourceRequirements ?? [], new ResourceRequirement("GPU", gpus.ToString(CultureInfo.InvariantCulture))],
        }) with
        {
            LaunchType = null,
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = Fn.Ref(CapacityProviderId(plan.Service.Name)), Base = 0, Weight = 1 }],
            RequiresCompatibilities = ["EC2"],
            AssignPublicIp = "DISABLED",
            DependsOn = [.. plan.DependsOn, Associations],
        };
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var gpuPlans = plans.Where(p => Count(p.Service, p.Aws) is > 0).ToList();
        if (gpuPlans.Count == 0) return new Template();
        var resources = new SortedDictionary<string, Resource>(StringComparer.Ordinal)
        {
            [Associations] = Resource.Of(new ClusterCapacityProviderAssociations
            {
                Cluster = context.Cluster,
                CapacityProviders = ["FARGATE", .. gpuPlans.Select(p => Fn.Ref(CapacityProviderId(p.Service.Name)))],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }],
            }),
        };
        foreach (var plan in gpuPlans)
            foreach (var (id, resource) in Capacity(context, plan))
                resources[id] = resource;
        return new Template
        {
            Resources = Sorted.Empty<Resource>().AddRange(resources),
            Parameters = Sorted.Empty<Parameter>().Add(AmiParameter, new Parameter("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
            {
                Default = AmiSsmParameter,
                Description = "SSM parameter holding the ECS GPU-optimised AMI the GPU instances run (CloudFormation resolves it)",
            }),
        };
    }

    private static IEnumerable<(string, Resource)> Capacity(TransformContext context, ServicePlan plan)
    {
        var name = plan.Service.Name;
        var type = InstanceType(plan.Service, plan.Aws)!;
        var tags = context.ServiceTags(name);
        var maxTasks = Math.Max(1, Math.Max(plan.DesiredCount, plan.Aws.Autoscaling?.Max ?? 0));
        yield return (InstanceRoleId(name), Resource.Of(new Role
        {
            AssumeRolePolicyDocument = new PolicyDocument
            {
                Statement = [new PolicyStatement { Principal = new MapExpr(("Service", "ec2.amazonaws.com")), Action = ["sts:AssumeRole"] }],
            }.ToExpr(),
            Description = $"GPU instances of {name} ({context.Project.Name}) join the ECS cluster",
            ManagedPolicyArns = [Fn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")],
            Tags = tags,
        }));
        yield return (InstanceProfileId(name), Resource.Of(new InstanceProfile { Roles = [Fn.Ref(InstanceRoleId(name))] }));
        yield return (InstanceSecurityGroupId(name), Resource.Of(new SecurityGroup
        {
            GroupDescription = $"{context.Project.Name} {name} GPU instances (no inbound traffic; tasks have their own network interfaces)",
            VpcId = context.Vpc.Id,
            Tags = tags,
        }));
        yield return (LaunchTemplateId(name), Resource.Of(new LaunchTemplate
        {
            LaunchTemplateData = new LaunchTemplateData
            {
                ImageId = Fn.Ref(AmiParameter),
                InstanceType = type.Name,
                IamInstanceProfile = new IamInstanceProfile { Arn = Fn.GetAtt(InstanceProfileId(name), "Arn") },
                SecurityGroupIds = [Fn.Ref(InstanceSecurityGroupId(name))],
                UserData = Fn.Base64(Fn.Sub(
                    "#!/bin/bash\necho ECS_CLUSTER=${ClusterName} >> /etc/ecs/ecs.config\necho ECS_ENABLE_GPU_SUPPORT=true >> /etc/ecs/ecs.config\n",
                    new MapExpr(("ClusterName", ExistingResources.ClusterName(context.Aws))))),
                MetadataOptions = new MetadataOptions { HttpTokens = "required", HttpPutResponseHopLimit = 2 },
                TagSpecifications = [new LaunchTemplateTagSpec("instance", [.. tags, new Tag("Name", $"{context.Project.Name}-{name}")])],
            },
        }));
        yield return (AutoScalingGroupId(name), Resource.Of(new AutoScalingGroup
        {
            MinSize = "0",
            MaxSize = InstancesNeeded(maxTasks, plan.Deployment.MaximumPercent).ToString(CultureInfo.InvariantCulture),
            LaunchTemplate = new LaunchTemplateSpecification
            {
                LaunchTemplateId = Fn.Ref(LaunchTemplateId(name)),
                Version = Fn.GetAtt(LaunchTemplateId(name), "LatestVersionNumber"),
            },
            VPCZoneIdentifier = plan.Subnets ?? context.Vpc.Subnets,
            Tags = [.. tags.Select(t => new TagProperty(t.Key, t.Value, true))],
        }));
        yield return (CapacityProviderId(name), Resource.Of(new CapacityProvider
        {
            // A generated name would start with the stack name, and ECS rejects names starting with aws, ecs or fargate.
            Name = Fn.Sub($"compose-${{AWS::StackName}}-{plan.Id.ToLowerInvariant()}"),
            AutoScalingGroupProvider = new AutoScalingGroupProvider
            {
                AutoScalingGroupArn = Fn.Ref(AutoScalingGroupId(name)),
                ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 100 },
                ManagedTerminationProtection = "DISABLED",
            },
            Tags = tags,
        }));
    }
}
