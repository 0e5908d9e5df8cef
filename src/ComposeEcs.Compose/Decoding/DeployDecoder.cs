using System.Collections.Immutable;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>The service <c>deploy</c> section.</summary>
internal static class DeployDecoder
{
    private static readonly HashSet<string> Keys =
        ["mode", "replicas", "resources", "restart_policy", "update_config", "rollback_config", "labels", "placement", "endpoint_mode"];
    private static readonly HashSet<string> UpdateKeys = ["parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"];

    public static DeployConfig? Read(Reader r, YNode? node)
    {
        var map = r.Map(node, "deploy");
        if (map is null) return null;
        r.CheckKeys(map, "deploy", Keys);
        var resources = r.Map(map["resources"], "deploy.resources");
        var restart = r.Map(map["restart_policy"], "deploy.restart_policy");
        var placement = r.Map(map["placement"], "deploy.placement");
        var mode = r.Str(map["mode"], "deploy.mode");
        if (mode is not (null or "replicated" or "global" or "replicated-job" or "global-job"))
            r.Error("deploy.mode", $"invalid mode \"{mode}\"", map["mode"]);
        var replicas = r.Int(map["replicas"], "deploy.replicas");
        if (replicas < 0) r.Error("deploy.replicas", "must not be negative", map["replicas"]);
        return new DeployConfig
        {
            Mode = mode,
            Replicas = replicas,
            Resources = resources is null ? null : new Resources
            {
                Limits = Amounts(r, resources["limits"], "deploy.resources.limits"),
                Reservations = Amounts(r, resources["reservations"], "deploy.resources.reservations"),
            },
            RestartPolicy = restart is null ? null : new RestartPolicy
            {
                Condition = r.Str(restart["condition"], "deploy.restart_policy.condition"),
                Delay = r.Duration(restart["delay"], "deploy.restart_policy.delay"),
                MaxAttempts = r.Int(restart["max_attempts"], "deploy.restart_policy.max_attempts"),
                Window = r.Duration(restart["window"], "deploy.restart_policy.window"),
            },
            UpdateConfig = Update(r, map["update_config"], "deploy.update_config"),
            RollbackConfig = Update(r, map["rollback_config"], "deploy.rollback_config"),
            Labels = r.StrMap(map["labels"], "deploy.labels"),
            PlacementConstraints = r.StrList(placement?["constraints"], "deploy.placement.constraints", allowSingle: false),
            EndpointMode = r.Str(map["endpoint_mode"], "deploy.endpoint_mode"),
            Extensions = r.Extensions(map),
        };
    }

    private static UpdateConfig? Update(Reader r, YNode? node, string field)
    {
        var map = r.Map(node, field);
        if (map is null) return null;
        r.CheckKeys(map, field, UpdateKeys);
        return new UpdateConfig
        {
            Parallelism = r.Int(map["parallelism"], field + ".parallelism"),
            Delay = r.Duration(map["delay"], field + ".delay"),
            FailureAction = r.Str(map["failure_action"], field + ".failure_action"),
            Monitor = r.Duration(map["monitor"], field + ".monitor"),
            MaxFailureRatio = r.Double(map["max_failure_ratio"], field + ".max_failure_ratio"),
            Order = r.Str(map["order"], field + ".order"),
            Extensions = r.Extensions(map),
        };
    }

    private static ResourceAmounts? Amounts(Reader r, YNode? node, string field)
    {
        var map = r.Map(node, field);
        if (map is null) return null;
        r.CheckKeys(map, field, new HashSet<string> { "cpus", "memory", "pids", "devices", "generic_resources" });
        var cpus = r.Double(map["cpus"], field + ".cpus");
        if (cpus < 0) r.Error(field + ".cpus", "must not be negative", map["cpus"]);
        return new ResourceAmounts
        {
            Cpus = cpus,
            Memory = r.Bytes(map["memory"], field + ".memory"),
            Pids = r.Int(map["pids"], field + ".pids"),
            Devices = Devices(r, map["devices"], field + ".devices"),
            GenericResources = Generic(r, map["generic_resources"], field + ".generic_resources"),
        };
    }

    private static ImmutableArray<DeviceRequest> Devices(Reader r, YNode? node, string field)
    {
        var seq = r.Seq(node, field);
        if (seq is null) return [];
        var result = ImmutableArray.CreateBuilder<DeviceRequest>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var at = $"{field}[{i}]";
            var m = r.Map(seq.Items[i], at);
            if (m is null) continue;
            int? count = null;
            if (m["count"] is YScalar { Value: "all" }) count = -1;
            else count = r.Int(m["count"], at + ".count");
            result.Add(new DeviceRequest
            {
                Capabilities = r.StrList(m["capabilities"], at + ".capabilities", allowSingle: false),
                Driver = r.Str(m["driver"], at + ".driver"),
                Count = count,
                DeviceIds = r.StrList(m["device_ids"], at + ".device_ids", allowSingle: false),
                Options = r.StrMap(m["options"], at + ".options"),
            });
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<GenericResource> Generic(Reader r, YNode? node, string field)
    {
        var seq = r.Seq(node, field);
        if (seq is null) return [];
        var result = ImmutableArray.CreateBuilder<GenericResource>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var at = $"{field}[{i}]";
            var spec = r.Map(r.Map(seq.Items[i], at)?["discrete_resource_spec"], at + ".discrete_resource_spec");
            if (spec is null) continue;
            var kind = r.Str(spec["kind"], at + ".kind");
            var value = r.Long(spec["value"], at + ".value");
            if (kind is not null && value is not null) result.Add(new GenericResource(kind, value.Value));
        }
        return result.ToImmutable();
    }
}
