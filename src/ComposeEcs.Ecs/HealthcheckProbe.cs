using System.Text.RegularExpressions;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The HTTP request a compose healthcheck makes to its own container, as a load balancer check.</summary>
/// <param name="Matcher">
/// <c>200-399</c> when the probe fails on an error status (wget always, curl with <c>-f</c>/<c>--fail</c>), else
/// <c>200-499</c> (plain curl succeeds on any answer; 499 is the highest code a target group accepts).
/// </param>
internal sealed partial record HealthcheckProbe(string Path, string Matcher)
{
    /// <summary>
    /// The probe when the healthcheck runs curl or wget against a loopback URL on <paramref name="targetPort"/>
    /// (80 or 443 when the URL names no port); null otherwise, and the target group keeps its default path.
    /// </summary>
    public static HealthcheckProbe? Of(Healthcheck? check, int targetPort)
    {
        if (check is null || check.Disable || check.Test.Length < 2 || check.Test[0] is not ("CMD" or "CMD-SHELL")) return null;
        var words = check.Test.Skip(1).SelectMany(a => a.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('"', '\'')).ToList();
        var tool = words.Select(w => w[(w.LastIndexOf('/') + 1)..]).FirstOrDefault(w => w is "curl" or "wget");
        if (tool is null) return null;
        foreach (var word in words)
        {
            if (LoopbackUrl().Match(word) is not { Success: true } url) continue;
            var port = url.Groups["port"].Success ? int.Parse(url.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : url.Groups["scheme"].Value == "https" ? 443 : 80;
            if (port != targetPort) return null;
            var path = url.Groups["path"].Success ? url.Groups["path"].Value : "/";
            if (path.Length > 1024) return null;
            var fails = tool == "wget" || words.Any(w => w is "--fail" or "--fail-with-body" || ShortFlags().IsMatch(w) && w.Contains('f'));
            return new HealthcheckProbe(path, fails ? "200-399" : "200-499");
        }
        return null;
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:(?<port>[0-9]{1,5}))?(?<path>/[^\s;|&]*)?$")]
    private static partial Regex LoopbackUrl();

    [GeneratedRegex(@"^-[a-zA-Z]+$")]
    private static partial Regex ShortFlags();
}
