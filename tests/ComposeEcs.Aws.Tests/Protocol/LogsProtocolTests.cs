using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Tests.Protocol;

public sealed class LogsProtocolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Filter_log_events_reads_every_page_across_streams_in_time_order()
    {
        await using var e = await Started();

        var events = await e.Aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest("/docker-compose/demo")).CollectAsync();

        Assert.Equal(["web 1", "api 1", "web 2", "api 2", "web 3"], events.Select(ev => ev.Message));
        Assert.Equal("demo/web/task-1", events[0].LogStreamName);
        Assert.Equal(T0, events[0].Timestamp);
        Assert.True(e.Server.Requests.Count(r => r.Action == "FilterLogEvents") >= 3);
    }

    [Fact]
    public async Task Filter_log_events_by_stream_prefix_and_start_time()
    {
        await using var e = await Started();

        var events = await e.Aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest(
            "/docker-compose/demo", LogStreamNamePrefix: "demo/web/", StartTime: T0.AddSeconds(2))).CollectAsync();

        Assert.Equal(["web 2", "web 3"], events.Select(ev => ev.Message));
    }

    [Fact]
    public async Task Get_log_events_pages_forward_until_the_token_repeats()
    {
        await using var e = await Started();
        var request = new GetLogEventsRequest("/docker-compose/demo", "demo/web/task-1");

        var first = await e.Aws.Logs.GetLogEventsAsync(request);
        var all = await e.Aws.Logs.GetAllLogEventsAsync(request).CollectAsync();

        Assert.Equal(["web 1", "web 2"], first.Events.Select(ev => ev.Message));
        Assert.NotNull(first.NextForwardToken);
        Assert.Equal(["web 1", "web 2", "web 3"], all.Select(ev => ev.Message));
    }

    [Fact]
    public async Task A_missing_log_group_is_a_resource_not_found_error()
    {
        await using var e = await Started();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            e.Aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest("/nope")).CollectAsync());
        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal("logs", error.Service);
    }

    private static async Task<EmulatedAws> Started()
    {
        var e = await EmulatedAws.StartAsync();
        e.Server.PutLogEvents("/docker-compose/demo", "demo/web/task-1", (T0, "web 1"), (T0.AddSeconds(2), "web 2"), (T0.AddSeconds(4), "web 3"));
        e.Server.PutLogEvents("/docker-compose/demo", "demo/api/task-2", (T0.AddSeconds(1), "api 1"), (T0.AddSeconds(3), "api 2"));
        return e;
    }
}
