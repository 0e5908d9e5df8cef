namespace ComposeEcs.FakeAws;

/// <summary>One request as the emulator received it (recorded before any injected fault or auth check).</summary>
public sealed record RecordedRequest(
    string Service,
    string Action,
    string Authorization,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Time);
