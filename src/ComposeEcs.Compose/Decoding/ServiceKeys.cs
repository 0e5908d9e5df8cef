namespace ComposeEcs.Compose.Decoding;

/// <summary>Keys the compose specification allows in a service (anything else except <c>x-*</c> is an error).</summary>
internal static class ServiceKeys
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs",
        "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares",
        "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
        "dns_search", "domainname", "driver_opts", "entrypoint", "env_file", "environment", "expose", "extends", "external_links",
        "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "label_file",
        "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models",
        "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
        "pre_stop", "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime",
        "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
        "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
    };

    /// <summary>Keys the service model has no property for; kept as plain data in <see cref="Model.Service.Other"/>.</summary>
    public static readonly IReadOnlySet<string> Unmodelled = new HashSet<string>(StringComparer.Ordinal)
    {
        "annotations", "attach", "blkio_config", "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
        "cpu_rt_runtime", "cpu_shares", "cpuset", "credential_spec", "develop", "device_cgroup_rules", "dns_opt", "driver_opts", "gpus",
        "group_add", "isolation", "label_file", "mac_address", "mem_swappiness", "memswap_limit", "models", "oom_kill_disable",
        "oom_score_adj", "pids_limit", "post_start", "pre_stop", "provider", "pull_refresh_after", "runtime", "storage_opt",
        "use_api_socket", "userns_mode", "uts", "volumes_from",
    };

    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        "version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models",
    };
}
