using System.Globalization;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// What ECS refuses in a task definition that requires FARGATE, from the ECS developer guide ("Amazon ECS task
/// definition differences for Fargate": parameters not valid on Fargate, the Linux parameters it limits, awsvpc
/// only, a task size from the Fargate table) and the log drivers Fargate supports. Only literal values are judged.
/// </summary>
internal static class FargateCheck
{
    private const string Why = "not valid in a Fargate task";

    private static readonly string[] ContainerParameters =
        ["DnsSearchDomains", "DnsServers", "DockerSecurityOptions", "ExtraHosts", "Links"];

    private static readonly string[] ContainerSwitches = ["DisableNetworking", "Privileged"];

    private static readonly string[] LinuxParameters = ["Devices", "MaxSwap", "SharedMemorySize", "Swappiness", "Tmpfs"];

    private static readonly string[] LogDrivers = ["awslogs", "splunk", "awsfirelens"];

    /// <summary>Fargate CPU units → the memory sizes (MiB) allowed with it: (min, max, step), as cfn-lint's
    /// fargate_cpu_memory schema lists them.</summary>
    private static readonly Dictionary<long, (long Min, long Max, long Step)[]> Sizes = new()
    {
        [256] = [(512, 512, 1), (1024, 1024, 1), (2048, 2048, 1)],
        [512] = [(1024, 4096, 1024)],
        [1024] = [(2048, 8192, 1024)],
        [2048] = [(4096, 16384, 1024)],
        [4096] = [(8192, 30720, 1024)],
        [8192] = [(16384, 61440, 4096)],
        [16384] = [(32768, 122880, 8192)],
        [32768] = [(61440, 61440, 1), (122880, 122880, 1), (249856, 249856, 1)],
    };

    public static void Check(MapExpr task, string path, List<string> problems)
    {
        if (task["RequiresCompatibilities"] is not ListExpr compatibilities || !compatibilities.Items.Contains(new Str("FARGATE"))) return;

        if (task["NetworkMode"] is null) problems.Add($"{path}: a Fargate task needs NetworkMode awsvpc");
        else if (task["NetworkMode"] is Str { Value: not "awsvpc" } mode) problems.Add($"{path}.NetworkMode: a Fargate task needs awsvpc, not \"{mode.Value}\"");
        CheckSize(task, path, problems);
        if (task["IpcMode"] is not null) problems.Add($"{path}.IpcMode: {Why}");
        if (task["PlacementConstraints"] is ListExpr { Items.Length: > 0 }) problems.Add($"{path}.PlacementConstraints: {Why}");
        if (task["Volumes"] is ListExpr volumes)
            for (var i = 0; i < volumes.Items.Length; i++)
                if (volumes.Items[i] is MapExpr volume && volume["DockerVolumeConfiguration"] is not null)
                    problems.Add($"{path}.Volumes[{i}].DockerVolumeConfiguration: {Why}");
        if (task["ContainerDefinitions"] is ListExpr containers)
            for (var i = 0; i < containers.Items.Length; i++)
                if (containers.Items[i] is MapExpr container) CheckContainer(container, $"{path}.ContainerDefinitions[{i}]", problems);
    }

    private static void CheckSize(MapExpr task, string path, List<string> problems)
    {
        if (task["Cpu"] is null || task["Memory"] is null)
        {
            problems.Add($"{path}: a Fargate task needs a task-level Cpu and Memory");
            return;
        }
        if (Number(task["Cpu"]) is not { } cpu || Number(task["Memory"]) is not { } memory) return;
        if (!Sizes.TryGetValue(cpu, out var ranges))
            problems.Add($"{path}.Cpu: {cpu} is not a Fargate CPU size ({string.Join(", ", Sizes.Keys)})");
        else if (!ranges.Any(r => memory >= r.Min && memory <= r.Max && (memory - r.Min) % r.Step == 0))
            problems.Add($"{path}.Memory: {memory} MiB does not go with {cpu} CPU units on Fargate");
    }

    private static void CheckContainer(MapExpr container, string path, List<string> problems)
    {
        foreach (var name in ContainerParameters.Where(n => container[n] is not null))
            problems.Add($"{path}.{name}: {Why}");
        foreach (var name in ContainerSwitches.Where(n => container[n] is Bool { Value: true } or Str { Value: "true" }))
            problems.Add($"{path}.{name}: {Why}");
        if (container["LinuxParameters"] is MapExpr linux)
        {
            foreach (var name in LinuxParameters.Where(n => linux[n] is not null))
                problems.Add($"{path}.LinuxParameters.{name}: {Why}");
            if (linux["Capabilities"] is MapExpr { } capabilities && capabilities["Add"] is ListExpr added)
                foreach (var cap in added.Items.OfType<Str>().Where(c => c.Value is not ("SYS_PTRACE" or "CAP_SYS_PTRACE")))
                    problems.Add($"{path}.LinuxParameters.Capabilities.Add: {cap.Value} cannot be added on Fargate (only SYS_PTRACE)");
        }
        if (container["ResourceRequirements"] is ListExpr requirements
            && requirements.Items.OfType<MapExpr>().Any(r => r["Type"] is Str { Value: "GPU" }))
            problems.Add($"{path}.ResourceRequirements: GPUs are {Why}");
        if (container["LogConfiguration"] is MapExpr log && log["LogDriver"] is Str { Value: var driver } && !LogDrivers.Contains(driver))
            problems.Add($"{path}.LogConfiguration.LogDriver: Fargate supports {string.Join(", ", LogDrivers)}, not \"{driver}\"");
    }

    private static long? Number(Expr? value) => value switch
    {
        Num n when long.TryParse(n.Text, CultureInfo.InvariantCulture, out var x) => x,
        Str s when long.TryParse(s.Value, CultureInfo.InvariantCulture, out var x) => x,
        _ => null,
    };
}
