using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>Who owns an EFS volume's access point: its POSIX user and the owner of the root directory EFS creates.</summary>
internal sealed record VolumeOwner(string Uid, string Gid);

/// <summary>
/// An EFS access point makes every file operation through it run as its POSIX user and creates its root directory
/// with the owner given (https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html). Root (0/0) would leave a
/// service that runs as another user (<c>user: "999"</c>, Postgres as <c>postgres</c>) with a data directory it does not
/// own, which databases refuse to start with. So the owner is, in this order: the volume's <c>driver_opts</c>
/// <c>uid</c>/<c>gid</c>; else the numeric <c>user:</c> (<c>"999"</c> or <c>"999:999"</c>; a uid alone is also the gid)
/// the services mounting it agree on; else root. A user name cannot be resolved without the image's
/// <c>/etc/passwd</c>, so it stays root, with a warning at the <c>user:</c> line saying how to fix it.
/// </summary>
internal static class VolumeOwners
{
    private static readonly VolumeOwner Root = new("0", "0");

    /// <summary>(uid, gid) of a numeric <c>user:</c>; null for a name (or a numeric uid with a group name).</summary>
    public static VolumeOwner? Numeric(string? user)
    {
        if (user is null) return null;
        var parts = user.Split(':', 2);
        static bool IsId(string s) => s.Length > 0 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        if (!IsId(parts[0])) return user is "root" or "root:root" ? Root : null;
        if (parts.Length == 1) return new(parts[0], parts[0]);
        return IsId(parts[1]) ? new(parts[0], parts[1]) : null;
    }

    private static IEnumerable<Service> Mounting(ComposeProject project, Compose.Model.Volume volume) =>
        project.Services.Values.Where(s => s.Volumes.Any(v => v.Type == "volume" && v.Source == volume.Key));

    private static bool SetByDriverOpts(Compose.Model.Volume volume) =>
        volume.DriverOpts.ContainsKey("uid") || volume.DriverOpts.ContainsKey("gid");

    public static VolumeOwner For(ComposeProject project, Compose.Model.Volume volume)
    {
        if (SetByDriverOpts(volume))
            return new(volume.DriverOpts.GetValueOrDefault("uid") ?? "0", volume.DriverOpts.GetValueOrDefault("gid") ?? "0");
        var owners = Mounting(project, volume).Select(s => Numeric(s.User) ?? Root).Distinct().ToList();
        return owners is [var only] ? only : Root;
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var volume in Volumes.Used(project).Where(v => !SetByDriverOpts(v)))
        {
            var services = Mounting(project, volume).ToList();
            foreach (var service in services.Where(s => s.User is not null && Numeric(s.User) is null))
                yield return Diagnostic.Warning(DiagnosticCodes.Volume,
                    $"service \"{service.Name}\": user: \"{service.User}\" is a name compose-ecs cannot turn into a numeric id without the image, " +
                    $"so volume \"{volume.Key}\" on EFS belongs to root (uid 0): the service cannot own its files there, and programs that check " +
                    $"the owner of their data directory (PostgreSQL, MySQL) refuse to start; write the numeric id (user: \"999:999\") " +
                    $"or set driver_opts uid and gid on the volume", service.LocationOf("user"));
            var numeric = services.Where(s => s.User is not null && Numeric(s.User) is not null).Select(s => Numeric(s.User)!).Distinct().ToList();
            if (numeric.Count > 1 || (numeric.Count == 1 && services.Any(s => s.User is null)))
                yield return Diagnostic.Warning(DiagnosticCodes.Volume,
                    $"volume \"{volume.Key}\": the services mounting it run as different users ({string.Join(", ", services.Select(s => $"{s.Name}: {s.User ?? "image default"}"))}), " +
                    "so its EFS access point belongs to root (uid 0); set driver_opts uid and gid to the owner you want", volume.Location);
        }
    }
}
