using ComposeEcs.FakeAws.CloudFormation;
using ComposeEcs.FakeAws.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComposeEcs.FakeAws;

/// <summary>
/// A loopback AWS emulator on a real Kestrel server (127.0.0.1, random port): one endpoint for every service,
/// routed by the SigV4 credential scope like AWS. State lives in this instance only.
/// </summary>
public sealed class FakeAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Faults _faults = new();
    private readonly HeldRequests _held = new();
    private readonly Lock _requestsLock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CloudFormationStore _stacks;
    private readonly Executor _executor;
    private readonly ResourceClock _clock;
    private readonly LogsApi _logs;
    private readonly SecretsApi _secrets;
    private readonly SsmApi _ssm;
    private readonly Ec2Api _ec2;
    private readonly EcsView _ecs;
    private readonly S3Api _s3;
    private readonly EcrApi _ecr;
    private readonly TaggingApi _tagging;

    private FakeAwsServer(FakeAwsOptions options)
    {
        Options = options;
        var ids = new IdSource(options.Seed);
        _stacks = new CloudFormationStore(Region, AccountId, ids);
        _s3 = new S3Api(Region, AccountId);
        _stacks.ReadUrl = _s3.ReadUrl;
        _secrets = new SecretsApi(options, Region, AccountId);
        _clock = new ResourceClock(options, () => _faults.ResourceDelay, _stacks.ResourceGate);
        _executor = new Executor(_stacks, new PhysicalResources(Region, AccountId, ids), _clock, OnResource, _stopping.Token);
        _logs = new LogsApi(options, Region, AccountId, StackLogGroups);
        _ssm = new SsmApi(Region);
        _ec2 = new Ec2Api(options, Region, AccountId);
        _ecs = new EcsView(_stacks, Region, AccountId, ids);
        _ecr = new EcrApi(options, Region, AccountId);
        _tagging = new TaggingApi(options, Region, AccountId);
        IServiceHandler[] handlers =
        [
            new CloudFormationApi(_stacks, _executor, options, _ssm.Find), _ec2, new StsApi(AccountId),
            new ElbApi(_stacks, options), new EcsApi(_ecs, options), _logs, _secrets, _ssm, _ecr, _tagging, new EfsApi(_stacks),
        ];
        var routing = new Routing(handlers.ToDictionary(h => h.Service), _faults, _held, Record) { S3 = _s3 };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        _app = builder.Build();
        _app.Run(routing.HandleAsync);
    }

    public static async Task<FakeAwsServer> StartAsync(FakeAwsOptions? options = null, CancellationToken ct = default)
    {
        var server = new FakeAwsServer(options ?? new FakeAwsOptions());
        await server._app.StartAsync(ct);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public FakeAwsOptions Options { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ for every service.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public string Region => "us-east-1";

    public string AccountId => "123456789012";

    /// <summary>The next <paramref name="times"/> calls of the action answer the service's throttling error.</summary>
    public void ThrottleNext(string action, int times) => _faults.Throttle(action, times);

    /// <summary>The next <paramref name="times"/> calls of the action answer HTTP 500 InternalFailure.</summary>
    public void FailNextWithServerError(string action, int times) => _faults.ServerError(action, times);

    /// <summary>The next <paramref name="times"/> calls of the action are processed, then the connection is cut before the answer: the client cannot know it succeeded.</summary>
    public void LoseResponseOfNext(string action, int times) => _faults.LoseResponse(action, times);

    /// <summary>The next <paramref name="times"/> calls of the action have their connection cut before anything is processed.</summary>
    public void DropConnectionOfNext(string action, int times) => _faults.DropConnection(action, times);

    /// <summary>From now on every resource operation takes this long (a slow stack); null goes back to <see cref="FakeAwsOptions.ResourceDelay"/>.</summary>
    public void SetResourceDelay(TimeSpan? delay) => _faults.ResourceDelay = delay;

    public void PutLogEvents(string group, string stream, params (DateTimeOffset Time, string Message)[] events) =>
        _logs.Put(group, stream, events);

    /// <summary>From now on, creating or updating the resource with this logical id fails with this reason.</summary>
    public void FailResource(string logicalId, string reason) => _stacks.FailResource(logicalId, reason);

    /// <summary>From now on, deleting the resource with this logical id (DeleteStack) fails: DELETE_FAILED, as when a security group is in use.</summary>
    public void FailResourceDeletion(string logicalId, string reason) => _stacks.FailResourceDeletion(logicalId, reason);

    /// <summary>Undoes <see cref="FailResource"/> and <see cref="FailResourceDeletion"/> for this logical id.</summary>
    public void ClearFailResource(string logicalId) => _stacks.ClearFailure(logicalId);

    /// <summary>An ECS cluster that exists outside any stack, as x-aws-cluster refers to.</summary>
    public void AddCluster(string name) => _ecs.AddCluster(name);

    /// <summary>Only the first <paramref name="running"/> tasks of the ECS service are RUNNING, the rest PENDING.</summary>
    public void SetRunningTasks(string serviceName, int running) => _ecs.Override(serviceName, o => o with { Running = running });

    /// <summary>Every task of the ECS service reports this healthStatus (HEALTHY, UNHEALTHY, UNKNOWN).</summary>
    public void SetTaskHealth(string serviceName, string healthStatus) => _ecs.Override(serviceName, o => o with { Health = healthStatus });

    /// <summary>Sets an SSM parameter GetParameter will return.</summary>
    public void PutParameter(string name, string value) => _ssm.Set(name, value);

    /// <summary>What a <c>docker push</c> of <paramref name="repository"/>:<paramref name="tag"/> leaves in ECR; the repository must exist.</summary>
    public void PushImage(string repository, string tag, string digest) => _ecr.Push(repository, tag, digest);

    /// <summary>ECR repositories with their tags, lifecycle policy and images.</summary>
    public IReadOnlyList<FakeRepository> Repositories => _ecr.Repositories;

    /// <summary>The registry host of the emulated account: 123456789012.dkr.ecr.us-east-1.amazonaws.com.</summary>
    public string RegistryHost => _ecr.RegistryHost;

    /// <summary>Passwords GetAuthorizationToken handed out.</summary>
    public IReadOnlyList<string> EcrPasswords => _ecr.Passwords;

    /// <summary>An EFS file system outside any stack (found by the tagging API), e.g. the target of an external volume.</summary>
    public void AddFileSystem(string fileSystemId, string name) =>
        _tagging.SetFileSystem(fileSystemId, new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = name });

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requestsLock) return _requests.ToList(); } }

    /// <summary>Stacks by name, deleted ones included (latest first for equal names).</summary>
    public IReadOnlyList<FakeStack> Stacks => _stacks.All.Select(s => FakeStack.From(_stacks, s)).Reverse().ToList();

    /// <summary>The live stack with this name, or null.</summary>
    public FakeStack? Stack(string name) => _stacks.Find(name) is { } s ? FakeStack.From(_stacks, s) : null;

    public IReadOnlyList<FakeSecret> Secrets => _secrets.Secrets;

    /// <summary>S3 buckets with their configuration documents and objects.</summary>
    public IReadOnlyList<FakeBucket> Buckets => _s3.Buckets;

    /// <summary>
    /// Until the hold is released, no resource operation finishes: the stack stays in progress, whatever the machine's
    /// load, while a test cancels a command or starts a second one.
    /// </summary>
    public ResourceHold HoldResources() => _stacks.ResourceGate.Close();

    /// <summary>
    /// Requests of this action are received (and recorded) but carried out only once the hold is released, in the order
    /// they came, whether or not their caller still waits: AWS processing a request the client has given up on.
    /// </summary>
    public ResourceHold HoldRequests(string action) => _held.Hold(action);

    /// <summary>Completes once this many requests of the action have been carried out (answered, or their caller gone).</summary>
    public Task WaitForProcessedAsync(string action, int count) => _held.ProcessedAsync(action, count);

    /// <summary>Until the hold is released, no change set becomes ready (it stays CREATE_IN_PROGRESS); once ready it stays so.</summary>
    public ResourceHold HoldChangeSets() => _stacks.ChangeSetGate.Close();

    /// <summary>
    /// On a scaled clock (<see cref="FakeAwsOptions.TimeScale"/>), the modeled time its stacks have taken so far
    /// (unscaled: a deploy whose critical path is 5 minutes adds 5 minutes); null otherwise.
    /// </summary>
    public TimeSpan? ModeledTime => _clock.ModeledSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Completes when the live stack with this name has this status (now, or at a later status change).</summary>
    public Task WaitForStackStatusAsync(string name, string status) =>
        _stacks.WhenAsync(() => _stacks.Find(name)?.Status == status);

    /// <summary>Completes when the stack with this name has an event matching the predicate (logical id, status).</summary>
    public Task WaitForStackEventAsync(string name, Func<FakeStackEvent, bool> predicate) =>
        _stacks.WhenAsync(() => Stack(name)?.Events.Any(predicate) == true);

    /// <summary>Completes once <paramref name="count"/> requests for this action have been received (counting those already received).</summary>
    public Task WaitForRequestAsync(string action, int count = 1)
    {
        lock (_requestsLock)
        {
            if (_requests.Count(r => r.Action == action) >= count) return Task.CompletedTask;
            var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((action, count, received));
            return received.Task;
        }
    }

    /// <summary>Completes when the stack's running operation (execute, delete) has finished.</summary>
    public Task WaitForStackAsync(string name) => _stacks.Find(name) is { } s ? _executor.Idle(s) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _clock.Dispose();
        _stopping.Dispose();
    }

    private readonly List<(string Action, int Count, TaskCompletionSource Received)> _requestWaiters = [];

    private void Record(RecordedRequest request)
    {
        lock (_requestsLock)
        {
            _requests.Add(request);
            var waiting = _requestWaiters.Where(w => w.Action == request.Action).ToList();
            if (waiting.Count == 0) return;
            var received = _requests.Count(r => r.Action == request.Action);
            foreach (var waiter in waiting.Where(w => w.Count <= received))
            {
                _requestWaiters.Remove(waiter);
                waiter.Received.TrySetResult();
            }
        }
    }

    private IEnumerable<string> StackLogGroups()
    {
        lock (_stacks.Lock)
            return _stacks.Live.SelectMany(s => s.Resources.Values)
                .Where(r => r.Exists && r.Type == "AWS::Logs::LogGroup").Select(r => r.Physical!.Id).ToList();
    }

    private void OnResource(string type, PhysicalResource resource, System.Text.Json.Nodes.JsonNode? properties, bool exists)
    {
        if (type == "AWS::SecretsManager::Secret") _secrets.Sync(resource.Id, properties, exists);
        if (type == "AWS::EFS::FileSystem") _tagging.Sync(resource.Id, properties, exists);
    }
}
