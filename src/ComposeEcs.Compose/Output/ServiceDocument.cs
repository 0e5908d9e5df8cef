using ComposeEcs.Compose.Decoding;
using ComposeEcs.Compose.Model;
using static ComposeEcs.Compose.ProjectDocument;

namespace ComposeEcs.Compose.Output;

/// <summary>One service as <c>config</c> prints it: long syntax everywhere, keys alphabetical, durations Go-style, sizes in bytes.</summary>
internal static class ServiceDocument
{
    public static OMap Build(Service s)
    {
        var m = new OMap()
            .Opt("build", s.Build is null ? null : new OMap().Add("context", s.Build.Context).Opt("dockerfile", s.Build.Dockerfile)
                .Opt("args", Dict(s.Build.Args, v => (object?)v)).Opt("target", s.Build.Target)
                .Opt("secrets", FileRefs(s.Build.Secrets)).Opt("ssh", List(s.Build.Ssh))
                .Opt("cache_from", List(s.Build.CacheFrom)).Opt("network", s.Build.Network).Opt("platforms", List(s.Build.Platforms)))
            .Opt("cap_add", List(s.CapAdd))
            .Opt("cap_drop", List(s.CapDrop))
            .Opt("cgroup_parent", s.CgroupParent)
            .Set("command", s.Command is { } c ? List(c) : null)
            .Opt("configs", FileRefs(s.Configs))
            .Opt("container_name", s.ContainerName)
            .Opt("cpus", s.Cpus)
            .Opt("depends_on", Dict(s.DependsOn, d => new OMap().Add("condition", d.Condition).Add("required", d.Required).Opt("restart", d.Restart ? true : null)))
            .Opt("deploy", s.Deploy is null ? null : Deploy(s.Deploy))
            .Opt("devices", List(s.Devices))
            .Opt("dns", List(s.Dns))
            .Opt("dns_search", List(s.DnsSearch))
            .Opt("domainname", s.Domainname)
            .Set("entrypoint", s.Entrypoint is { } e ? List(e) : null)
            .Opt("env_file", s.EnvFiles.IsEmpty ? null : List(s.EnvFiles.Select(f => new OMap().Add("path", f.Path).Add("required", f.Required).Opt("format", f.Format.Length > 0 ? f.Format : null))))
            .Opt("environment", Dict(s.Environment, v => (object?)v))
            .Opt("expose", List(s.Expose))
            .Opt("external_links", List(s.ExternalLinks))
            .Opt("extra_hosts", List(s.ExtraHosts))
            .Opt("healthcheck", s.Healthcheck is null ? null : Health(s.Healthcheck))
            .Opt("hostname", s.Hostname)
            .Opt("image", s.Image)
            .Opt("init", s.Init)
            .Opt("ipc", s.Ipc)
            .Opt("labels", StrDict(s.Labels))
            .Opt("links", List(s.Links))
            .Opt("logging", s.Logging is null ? null : new OMap().Opt("driver", s.Logging.Driver).Opt("options", StrDict(s.Logging.Options)))
            .Opt("mem_limit", s.MemLimit)
            .Opt("mem_reservation", s.MemReservation)
            .Opt("network_mode", s.NetworkMode)
            .Opt("networks", Dict(s.Networks, Net))
            .Opt("pid", s.Pid)
            .Opt("platform", s.Platform)
            .Opt("ports", List(s.Ports.Select(Port)))
            .Opt("privileged", s.Privileged ? true : null)
            .Opt("profiles", List(s.Profiles))
            .Opt("pull_policy", s.PullPolicy)
            .Opt("read_only", s.ReadOnly ? true : null)
            .Opt("restart", s.Restart)
            .Opt("scale", s.Scale)
            .Opt("secrets", FileRefs(s.Secrets))
            .Opt("security_opt", List(s.SecurityOpt))
            .Opt("shm_size", s.ShmSize)
            .Opt("stdin_open", s.StdinOpen ? true : null)
            .Opt("stop_grace_period", Dur(s.StopGracePeriod))
            .Opt("stop_signal", s.StopSignal)
            .Opt("sysctls", StrDict(s.Sysctls))
            .Opt("tmpfs", List(s.Tmpfs))
            .Opt("tty", s.Tty ? true : null)
            .Opt("ulimits", Dict(s.Ulimits, u => u.Soft == u.Hard ? u.Soft : (object)new OMap().Add("hard", u.Hard).Add("soft", u.Soft)))
            .Opt("user", s.User)
            .Opt("volumes", List(s.Volumes.Select(Volume)))
            .Opt("working_dir", s.WorkingDir);
        Extensions(m, s.Other);
        m.Entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        Extensions(m, s.Extensions);
        return m;
    }

    private static string? Dur(TimeSpan? t) => t is { } v ? Units.FormatDuration(v) : null;

    private static object? Net(ServiceNetwork n)
    {
        var m = new OMap().Opt("aliases", List(n.Aliases)).Opt("ipv4_address", n.Ipv4Address).Opt("ipv6_address", n.Ipv6Address).Opt("priority", n.Priority);
        return m.Entries.Count == 0 ? null : m;
    }

    private static List<object?> FileRefs(IEnumerable<FileReference> refs) =>
        List(refs.Select(r => new OMap().Add("source", r.Source).Opt("target", r.Target).Opt("uid", r.Uid).Opt("gid", r.Gid)
            .Opt("mode", r.Mode is { } mode ? "0" + Convert.ToString(mode, 8) : null)));

    private static OMap Port(ServicePort p)
    {
        var m = new OMap().Opt("app_protocol", p.AppProtocol).Opt("host_ip", p.HostIp).Add("mode", p.Mode).Opt("name", p.Name)
            .Add("protocol", p.Protocol).Opt("published", p.Published).Add("target", p.Target);
        Extensions(m, p.Extensions);
        return m;
    }

    private static OMap Volume(ServiceVolume v)
    {
        var m = new OMap().Add("type", v.Type).Opt("source", v.Source).Add("target", v.Target).Opt("read_only", v.ReadOnly ? true : null)
            .Opt("consistency", v.Consistency);
        if (v.BindCreateHostPath is not null || v.BindPropagation is not null)
            m.Add("bind", new OMap().Opt("create_host_path", v.BindCreateHostPath).Opt("propagation", v.BindPropagation));
        if (v.VolumeNoCopy is not null || v.VolumeSubpath is not null)
            m.Add("volume", new OMap().Opt("nocopy", v.VolumeNoCopy).Opt("subpath", v.VolumeSubpath));
        if (v.TmpfsSize is not null || v.TmpfsMode is not null)
            m.Add("tmpfs", new OMap().Opt("mode", v.TmpfsMode).Opt("size", v.TmpfsSize));
        Extensions(m, v.Extensions);
        return m;
    }

    private static OMap Health(Healthcheck h) => new OMap()
        .Opt("disable", h.Disable ? true : null).Opt("interval", Dur(h.Interval)).Opt("retries", h.Retries)
        .Opt("start_interval", Dur(h.StartInterval)).Opt("start_period", Dur(h.StartPeriod)).Opt("test", List(h.Test)).Opt("timeout", Dur(h.Timeout));

    private static OMap Deploy(DeployConfig d)
    {
        var m = new OMap()
            .Opt("endpoint_mode", d.EndpointMode)
            .Opt("labels", StrDict(d.Labels))
            .Opt("mode", d.Mode)
            .Opt("placement", d.PlacementConstraints.IsEmpty ? null : new OMap().Add("constraints", List(d.PlacementConstraints)))
            .Opt("replicas", d.Replicas)
            .Opt("resources", d.Resources is null ? null : new OMap().Opt("limits", Amounts(d.Resources.Limits)).Opt("reservations", Amounts(d.Resources.Reservations)))
            .Opt("restart_policy", d.RestartPolicy is not { } r ? null : new OMap().Opt("condition", r.Condition).Opt("delay", Dur(r.Delay))
                .Opt("max_attempts", r.MaxAttempts).Opt("window", Dur(r.Window)))
            .Opt("rollback_config", Update(d.RollbackConfig))
            .Opt("update_config", Update(d.UpdateConfig));
        Extensions(m, d.Extensions);
        return m;
    }

    private static OMap? Update(UpdateConfig? u)
    {
        if (u is null) return null;
        var m = new OMap().Opt("delay", Dur(u.Delay)).Opt("failure_action", u.FailureAction).Opt("max_failure_ratio", u.MaxFailureRatio)
            .Opt("monitor", Dur(u.Monitor)).Opt("order", u.Order).Opt("parallelism", u.Parallelism);
        Extensions(m, u.Extensions);
        return m;
    }

    private static OMap? Amounts(ResourceAmounts? a) => a is null ? null : new OMap()
        .Opt("cpus", a.Cpus).Opt("memory", a.Memory).Opt("pids", a.Pids)
        .Opt("devices", List(a.Devices.Select(d => new OMap().Opt("capabilities", List(d.Capabilities)).Opt("count", d.Count == -1 ? "all" : d.Count)
            .Opt("device_ids", List(d.DeviceIds)).Opt("driver", d.Driver).Opt("options", StrDict(d.Options)))))
        .Opt("generic_resources", List(a.GenericResources.Select(g => new OMap().Add("discrete_resource_spec", new OMap().Add("kind", g.Kind).Add("value", g.Value)))));
}
