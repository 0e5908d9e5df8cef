using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Tests.Support;

/// <summary>A throwaway home directory with its own .aws/config and .aws/credentials, and an injected environment.</summary>
public sealed class TempAwsHome : IDisposable
{
    public TempAwsHome()
    {
        Home = Path.Combine(Path.GetTempPath(), "compose-ecs-aws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
    }

    public string Home { get; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public FakeSdkFallback Fallback { get; set; } = new();

    public string ConfigPath => Path.Combine(Home, ".aws", "config");

    public string CredentialsPath => Path.Combine(Home, ".aws", "credentials");

    public TempAwsHome Config(string text)
    {
        File.WriteAllText(ConfigPath, text);
        return this;
    }

    public TempAwsHome Credentials(string text)
    {
        File.WriteAllText(CredentialsPath, text);
        return this;
    }

    public TempAwsHome Set(string name, string value)
    {
        Variables[name] = value;
        return this;
    }

    public AwsEnvironment Environment => new(name => Variables.GetValueOrDefault(name), Home, Fallback);

    public Task<ResolvedAwsConfig> ResolveAsync(AwsSettings? settings = null) =>
        AwsConfigResolver.ResolveAsync(settings ?? new AwsSettings(), Environment, CancellationToken.None);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
