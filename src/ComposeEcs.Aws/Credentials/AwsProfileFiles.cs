namespace ComposeEcs.Aws.Credentials;

/// <summary>
/// The shared config (~/.aws/config, sections "[default]" and "[profile name]") and credentials
/// (~/.aws/credentials, sections "[name]") files, read as plain INI. Used for the profile's region and
/// static keys; any other kind of profile (SSO, assume role, process) is handed to the AWS SDK.
/// </summary>
public sealed class AwsProfileFiles
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _config;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _credentials;

    private AwsProfileFiles(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> config,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> credentials)
    {
        _config = config;
        _credentials = credentials;
    }

    public static AwsProfileFiles Load(string configPath, string credentialsPath) =>
        new(ReadConfig(configPath), ReadIni(credentialsPath));

    public static AwsProfileFiles Parse(string configText, string credentialsText) =>
        new(ConfigSections(ParseIni(configText)), ParseIni(credentialsText));

    public bool Exists(string profile) => _config.ContainsKey(profile) || _credentials.ContainsKey(profile);

    /// <summary>A key of the profile: the credentials file wins over the config file, as in the AWS CLI.</summary>
    public string? Get(string profile, string key)
    {
        if (_credentials.TryGetValue(profile, out var c) && c.TryGetValue(key, out var v) && v.Length > 0)
            return v;
        if (_config.TryGetValue(profile, out var s) && s.TryGetValue(key, out v) && v.Length > 0)
            return v;
        return null;
    }

    public string? Region(string profile) => Get(profile, "region");

    public AwsCredentials? StaticCredentials(string profile)
    {
        var id = Get(profile, "aws_access_key_id");
        var secret = Get(profile, "aws_secret_access_key");
        return id is null || secret is null ? null : new AwsCredentials(id, secret, Get(profile, "aws_session_token"));
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadConfig(string path) =>
        ConfigSections(ReadIni(path));

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadIni(string path)
    {
        if (!File.Exists(path))
            return new Dictionary<string, IReadOnlyDictionary<string, string>>();
        try
        {
            return ParseIni(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException($"Cannot read the AWS file {path}: {e.Message}", e);
        }
    }

    /// <summary>Config sections are "[profile x]" except "[default]"; other sections (sso-session, services) are dropped.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConfigSections(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sections)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (name, values) in sections)
        {
            if (name == "default")
                result.TryAdd("default", values);
            else if (name.StartsWith("profile ", StringComparison.Ordinal))
                result[name["profile ".Length..].Trim()] = values;
        }
        return result;
    }

    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ParseIni(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[' && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                    sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            var eq = line.IndexOf('=');
            // Lines without '=' are continuation lines of nested values (e.g. s3 settings); not needed here.
            if (current is null || eq <= 0 || char.IsWhiteSpace(raw[0]))
                continue;
            current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return sections.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }
}
