using System.Collections.Immutable;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Service <c>volumes</c>: short syntax <c>[source:]target[:mode]</c> and the long syntax.</summary>
internal static class ServiceVolumes
{
    private static readonly HashSet<string> LongKeys = ["type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image"];
    private static readonly HashSet<string> Types = ["volume", "bind", "tmpfs", "npipe", "cluster", "image"];

    public static ImmutableArray<ServiceVolume> Read(Reader r, YNode? node)
    {
        var seq = r.Seq(node, "volumes");
        if (seq is null) return [];
        var result = ImmutableArray.CreateBuilder<ServiceVolume>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var field = $"volumes[{i}]";
            var item = seq.Items[i];
            var volume = item switch
            {
                YScalar { IsNull: false } s => ParseShort(r, s, field),
                YMapping m => ReadLong(r, m, field),
                _ => Invalid(r, field, item),
            };
            if (volume is not null) result.Add(volume with { Location = item.Location });
        }
        return result.ToImmutable();
    }

    private static ServiceVolume? Invalid(Reader r, string field, YNode item)
    {
        r.Error(field, "must be a string or a mapping", item);
        return null;
    }

    public static bool IsPath(string source) =>
        source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.Contains('\\');

    private static ServiceVolume? ParseShort(Reader r, YScalar scalar, string field)
    {
        var parts = scalar.Value.Split(':');
        if (parts.Any(p => p.Length == 0) || parts.Length > 3)
        {
            r.Error(field, $"invalid volume \"{scalar.Value}\"", scalar);
            return null;
        }
        if (parts.Length == 1)
        {
            if (!parts[0].StartsWith('/')) { r.Error(field, $"invalid volume \"{scalar.Value}\": target must be an absolute path", scalar); return null; }
            return new ServiceVolume("volume", parts[0]);
        }
        var source = parts[0];
        var target = parts[1];
        if (!target.StartsWith('/')) { r.Error(field, $"invalid volume \"{scalar.Value}\": target must be an absolute path", scalar); return null; }
        var options = parts.Length == 3 ? parts[2].Split(',') : [];
        var readOnly = false;
        var readWrite = false;
        bool? noCopy = null;
        string? consistency = null, propagation = null;
        foreach (var option in options)
        {
            switch (option)
            {
                case "ro": readOnly = true; break;
                case "rw": readOnly = false; readWrite = true; break;
                case "nocopy": noCopy = true; break;
                case "z" or "Z": break;
                case "consistent" or "cached" or "delegated": consistency = option; break;
                case "shared" or "rshared" or "slave" or "rslave" or "private" or "rprivate": propagation = option; break;
                default:
                    r.Error(field, $"invalid volume \"{scalar.Value}\": unknown mode \"{option}\"", scalar);
                    return null;
            }
        }
        var bind = IsPath(source);
        return new ServiceVolume(bind ? "bind" : "volume", target)
        {
            Source = bind ? FullPath(source) : source,
            WrittenSource = bind ? (scalar.Written ?? scalar.Value).Split(':')[0] : null,
            ReadOnly = readOnly,
            ReadWriteRequested = readWrite,
            Consistency = consistency,
            BindCreateHostPath = bind ? true : null,
            BindPropagation = propagation,
            VolumeNoCopy = bind ? null : noCopy,
        };
    }

    private static ServiceVolume? ReadLong(Reader r, YMapping map, string field)
    {
        r.CheckKeys(map, field, LongKeys);
        var type = r.Str(map["type"], field + ".type");
        var target = r.Str(map["target"], field + ".target");
        if (type is null || !Types.Contains(type)) { r.Error(field, type is null ? "type is required" : $"invalid type \"{type}\"", map["type"] ?? map); return null; }
        if (target is null) { r.Error(field, "target is required", map); return null; }
        var source = r.Str(map["source"], field + ".source");
        var readOnly = r.Bool(map["read_only"], field + ".read_only");
        if (type == "bind" && source is null) { r.Error(field, "bind mounts need a source", map); return null; }
        var bind = r.Map(map["bind"], field + ".bind");
        var volume = r.Map(map["volume"], field + ".volume");
        var tmpfs = r.Map(map["tmpfs"], field + ".tmpfs");
        return new ServiceVolume(type, target)
        {
            Source = type == "bind" && source is not null ? FullPath(source) : source,
            WrittenSource = type == "bind" ? (map["source"] as YScalar)?.Written ?? source : null,
            ReadOnly = readOnly ?? false,
            ReadWriteRequested = readOnly == false,
            Consistency = r.Str(map["consistency"], field + ".consistency"),
            BindCreateHostPath = r.Bool(bind?["create_host_path"], field + ".bind.create_host_path"),
            BindPropagation = r.Str(bind?["propagation"], field + ".bind.propagation"),
            VolumeNoCopy = r.Bool(volume?["nocopy"], field + ".volume.nocopy"),
            VolumeSubpath = r.Str(volume?["subpath"], field + ".volume.subpath"),
            TmpfsSize = r.Bytes(tmpfs?["size"], field + ".tmpfs.size"),
            TmpfsMode = r.Int(tmpfs?["mode"], field + ".tmpfs.mode"),
            Extensions = r.Extensions(map),
        };
    }

    // Relative paths were made absolute per file by PathsPass; this only normalises separators and dots.
    private static string FullPath(string path) => Path.IsPathRooted(path) ? Path.GetFullPath(path) : path;
}
