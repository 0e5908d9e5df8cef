using System.Collections.Immutable;

namespace ComposeEcs.Ecs;

/// <summary>What the transform does with a Compose Specification field.</summary>
public enum Support
{
    /// <summary>Becomes part of the template (how is in <see cref="FieldSupport.How"/>); any limits are warned about where they apply.</summary>
    Mapped,
    /// <summary>Left out with a warning at the field's line that says what the user loses.</summary>
    Warned,
    /// <summary>An error at the field's line (exit 2): running without it would change what the app does.</summary>
    Refused,
    /// <summary>Being implemented by another change; <see cref="FieldSupport.How"/> says what happens today.</summary>
    Pending,
}

/// <summary>One row of the support table: a field, what happens to it, and why (the text users read).</summary>
public sealed record FieldSupport(string Field, Support Support, string How);

/// <summary>
/// Every service-level and top-level field of the Compose Specification, and what the transform does with it. The
/// single source for the warnings and refusals of <see cref="SupportChecks"/>, for the README's support matrix
/// (<see cref="Markdown"/>) and for the test that walks the specification's field list. A row's <see cref="FieldSupport.How"/>
/// of a warned or refused field is the message the user reads after "ignored, " or "not supported, ".
/// </summary>
public static class SupportTable
{
    public static readonly ImmutableArray<FieldSupport> Services =
    [
        new("annotations", Support.Warned, "ECS has no container annotations; use labels (Docker labels)"),
        new("attach", Support.Warned, "logs always go to CloudWatch Logs; read them with compose-ecs logs"),
        new("blkio_config", Support.Warned, "Fargate has no block IO weights or limits"),
        new("build", Support.Mapped, "up builds with the local Docker CLI and pushes to ECR; convert leaves an image parameter; build fields docker build is not given (dockerfile_inline, labels, cache_to, ...) are warned about"),
        new("cap_add", Support.Mapped, "LinuxParameters.Capabilities.Add; Fargate only allows SYS_PTRACE, others are warned about"),
        new("cap_drop", Support.Mapped, "LinuxParameters.Capabilities.Drop"),
        new("cgroup", Support.Warned, "Fargate manages cgroup namespaces itself"),
        new("cgroup_parent", Support.Warned, "Fargate manages cgroups itself"),
        new("command", Support.Mapped, "container Command"),
        new("configs", Support.Mapped, "delivered into the container before it starts by an init container (at most 48 KiB per service); external configs are refused"),
        new("container_name", Support.Mapped, "another DNS name of the service (a CNAME record, as Docker's DNS resolves container names); ECS names the container itself"),
        new("cpu_count", Support.Warned, "Fargate sizes CPU per task; use cpus or deploy.resources"),
        new("cpu_percent", Support.Warned, "Fargate sizes CPU per task; use cpus or deploy.resources"),
        new("cpu_period", Support.Warned, "Fargate has no CFS settings; use cpus or deploy.resources"),
        new("cpu_quota", Support.Warned, "Fargate has no CFS settings; use cpus or deploy.resources"),
        new("cpu_rt_period", Support.Warned, "Fargate has no real-time scheduling"),
        new("cpu_rt_runtime", Support.Warned, "Fargate has no real-time scheduling"),
        new("cpu_shares", Support.Mapped, "container Cpu (CPU units, the container's relative CPU weight in the task)"),
        new("cpus", Support.Mapped, "the task's Fargate size (the smallest that fits)"),
        new("cpuset", Support.Warned, "Fargate does not pin CPUs"),
        new("credential_spec", Support.Warned, "gMSA credential specs are not configured"),
        new("depends_on", Support.Mapped, "DependsOn between the ECS services (start order); a job waited for with service_completed_successfully runs in each dependent's task"),
        new("deploy", Support.Mapped, "replicas, resources, update_config, GPU reservations, x-aws-autoscaling; restart_policy, placement and endpoint_mode are warned about"),
        new("develop", Support.Warned, "compose watch is a local development feature"),
        new("device_cgroup_rules", Support.Warned, "Fargate gives tasks no host devices"),
        new("devices", Support.Refused, "Fargate gives tasks no host devices"),
        new("dns", Support.Warned, "Fargate tasks use the VPC resolver"),
        new("dns_opt", Support.Warned, "Fargate tasks use the VPC resolver"),
        new("dns_search", Support.Warned, "Fargate tasks use the VPC resolver; the project's namespace is the search domain"),
        new("domainname", Support.Warned, "awsvpc tasks cannot set a domain name"),
        new("driver_opts", Support.Warned, "there is no Docker network driver on Fargate"),
        new("entrypoint", Support.Mapped, "container EntryPoint"),
        new("env_file", Support.Mapped, "read at load time into the container Environment"),
        new("environment", Support.Mapped, "container Environment (sorted)"),
        new("expose", Support.Mapped, "container port mappings reachable inside the VPC (Service Connect)"),
        new("extends", Support.Mapped, "resolved by the loader"),
        new("external_links", Support.Warned, "there are no other containers to link to"),
        new("extra_hosts", Support.Warned, "awsvpc tasks on Fargate cannot add /etc/hosts entries"),
        new("gpus", Support.Mapped, "like deploy.resources.reservations.devices with capabilities [gpu]: an EC2 GPU capacity provider; \"all\" is refused (it cannot size an instance)"),
        new("group_add", Support.Warned, "ECS cannot add supplementary groups; build them into the image"),
        new("healthcheck", Support.Mapped, "container HealthCheck (bounded to ECS limits); start_period also sets the load balancer grace period; start_interval is warned about (ECS has one interval)"),
        new("hostname", Support.Warned, "awsvpc tasks cannot set a hostname"),
        new("image", Support.Mapped, "container Image"),
        new("init", Support.Mapped, "LinuxParameters.InitProcessEnabled"),
        new("ipc", Support.Warned, "Fargate tasks cannot share IPC namespaces"),
        new("isolation", Support.Warned, "Fargate chooses the isolation itself"),
        new("label_file", Support.Warned, "labels from files are not read; list them under labels"),
        new("labels", Support.Mapped, "container DockerLabels"),
        new("links", Support.Mapped, "each alias is a DNS record in the project's Cloud Map namespace"),
        new("logging", Support.Mapped, "awslogs to the project's log group; awslogs-* options override (awslogs-region is warned about and ignored: logs stay in the stack's region); a custom awslogs-group is created with the project's retention (awslogs-create-group: \"true\" leaves it to the driver, for a group that exists); `logs` reads it; other drivers are warned about"),
        new("mac_address", Support.Warned, "tasks get their network interface from the subnet"),
        new("mem_limit", Support.Mapped, "the task's Fargate size"),
        new("mem_reservation", Support.Mapped, "the task's Fargate size"),
        new("mem_swappiness", Support.Warned, "Fargate tasks have no swap"),
        new("memswap_limit", Support.Warned, "Fargate tasks have no swap"),
        new("models", Support.Refused, "Docker Model Runner models are not available on ECS; run the model as a service"),
        new("network_mode", Support.Mapped, "awsvpc is the default network (its security group); host and bridge are ignored with a warning; none, service: and container: are refused"),
        new("networks", Support.Mapped, "one security group per network; aliases are DNS records; fixed addresses are warned about"),
        new("oom_kill_disable", Support.Warned, "Fargate always enforces the task's memory"),
        new("oom_score_adj", Support.Warned, "Fargate does not expose OOM scores"),
        new("pid", Support.Warned, "Fargate tasks cannot share PID namespaces"),
        new("pids_limit", Support.Warned, "Fargate has no PID limit setting"),
        new("platform", Support.Mapped, "RuntimePlatform (linux/amd64 or linux/arm64)"),
        new("ports", Support.Mapped, "load balancer listeners and target groups; non-HTTP ports open to the internet are warned about"),
        new("post_start", Support.Warned, "ECS has no lifecycle hooks; run the command from the entrypoint"),
        new("pre_stop", Support.Warned, "ECS has no lifecycle hooks; handle SIGTERM in the container"),
        new("privileged", Support.Mapped, "false is the default; true is refused, Fargate does not run privileged containers"),
        new("profiles", Support.Mapped, "applied by the loader"),
        new("provider", Support.Refused, "provider services are run by Compose plugins, which do not run on ECS"),
        new("pull_policy", Support.Mapped, "always/missing are what ECS does; other policies are warned about"),
        new("pull_refresh_after", Support.Warned, "ECS pulls the image when a task starts"),
        new("read_only", Support.Mapped, "ReadonlyRootFilesystem"),
        new("restart", Support.Warned, "ECS restarts stopped tasks itself"),
        new("runtime", Support.Warned, "Fargate chooses the container runtime"),
        new("scale", Support.Mapped, "the ECS service's DesiredCount (deploy.replicas wins)"),
        new("secrets", Support.Mapped, "Secrets Manager secrets written to /run/secrets by an init container"),
        new("security_opt", Support.Warned, "Fargate does not accept Docker security options"),
        new("shm_size", Support.Warned, "Fargate does not support a shared memory size"),
        new("stdin_open", Support.Mapped, "container Interactive"),
        new("stop_grace_period", Support.Mapped, "container StopTimeout (at most 120s on Fargate)"),
        new("stop_signal", Support.Warned, "ECS always sends SIGTERM"),
        new("storage_opt", Support.Warned, "Fargate tasks get 20 GiB of ephemeral storage"),
        new("sysctls", Support.Mapped, "container SystemControls (namespaced kernel parameters only on Fargate)"),
        new("tmpfs", Support.Warned, "Fargate does not support tmpfs mounts"),
        new("tty", Support.Mapped, "container PseudoTerminal"),
        new("ulimits", Support.Mapped, "container Ulimits"),
        new("use_api_socket", Support.Refused, "there is no Docker engine socket on Fargate"),
        new("user", Support.Mapped, "container User; a numeric user also owns the service's EFS access points"),
        new("userns_mode", Support.Warned, "Fargate chooses the user namespace"),
        new("uts", Support.Warned, "Fargate tasks cannot share the UTS namespace"),
        new("volumes", Support.Mapped, "named volumes become EFS file systems with access points; bind mounts are delivered files or EFS data (see Bind mounts); anonymous volumes are task storage"),
        new("volumes_from", Support.Refused, "ECS tasks cannot mount another service's volumes; declare a named volume and mount it in both services"),
        new("working_dir", Support.Mapped, "container WorkingDirectory"),
    ];

    public static readonly ImmutableArray<FieldSupport> TopLevel =
    [
        new("configs", Support.Mapped, "file, content and environment configs delivered into the containers that use them; external refused"),
        new("include", Support.Mapped, "resolved by the loader"),
        new("models", Support.Refused, "Docker Model Runner models are not available on ECS; run the model as a service"),
        new("name", Support.Mapped, "the project name: stack, cluster, log group and tag values"),
        new("networks", Support.Mapped, "one security group per network (x-aws-securitygroup reuses one); internal and ipam are warned about (tasks need outbound access, subnets give addresses)"),
        new("secrets", Support.Mapped, "Secrets Manager secrets (file/environment) or existing ones by ARN (external)"),
        new("services", Support.Mapped, "one ECS service and task definition each"),
        new("version", Support.Warned, "obsolete; the loader warns about it"),
        new("volumes", Support.Mapped, "EFS file systems (external: an existing file system id)"),
    ];

    public static FieldSupport? Service(string field) => Services.FirstOrDefault(f => f.Field == field);

    /// <summary>The README's support matrix: one row per field, service fields then top-level fields.</summary>
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder();
        text.Append("| Service field | Support | How / why |\n|---|---|---|\n");
        foreach (var row in Services) text.Append($"| `{row.Field}` | {Word(row.Support)} | {row.How} |\n");
        text.Append("\n| Top-level field | Support | How / why |\n|---|---|---|\n");
        foreach (var row in TopLevel) text.Append($"| `{row.Field}` | {Word(row.Support)} | {row.How} |\n");
        return text.ToString();
    }

    private static string Word(Support support) => support switch
    {
        Support.Mapped => "mapped",
        Support.Warned => "ignored, warning",
        Support.Refused => "refused (exit 2)",
        _ => "in progress",
    };
}
