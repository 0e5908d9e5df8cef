namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>All stacks (deleted ones too, as ListStacks shows them) behind one lock, and a monotonic clock for events.</summary>
internal sealed class CloudFormationStore(string region, string accountId, IdSource ids)
{
    private int _serial;

    private readonly List<Stack> _stacks = [];
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deletionFailures = new(StringComparer.Ordinal);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public Lock Lock { get; } = new();
    /// <summary>Held by a test: resource operations do not finish.</summary>
    public Gate ResourceGate { get; } = new();
    /// <summary>Held by a test: change sets do not become ready.</summary>
    public Gate ChangeSetGate { get; } = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    /// <summary>Reads an S3 TemplateURL (the emulator's S3); null when there is no such object.</summary>
    public Func<string, byte[]?> ReadUrl { get; set; } = _ => null;
    /// <summary>Nested stacks created in REVIEW_IN_PROGRESS for a parent's change set, by (parent stack id, logical id).</summary>
    public Dictionary<(string Parent, string LogicalId), string> ReviewChildren { get; } = [];
    public IdSource Ids { get; } = ids;
    public string Region { get; } = region;
    public string AccountId { get; } = accountId;

    /// <summary>Strictly increasing timestamps, so events sort the way they happened.</summary>
    public DateTimeOffset Now()
    {
        lock (Lock)
        {
            var now = DateTimeOffset.UtcNow;
            _last = now > _last ? now : _last.AddMilliseconds(1);
            return _last;
        }
    }

    public IReadOnlyList<Stack> All { get { lock (Lock) return _stacks.ToList(); } }

    public IReadOnlyList<Stack> Live { get { lock (Lock) return _stacks.Where(s => !s.IsDeleted).ToList(); } }

    /// <summary>A live stack by name, or any stack (deleted too) by its id.</summary>
    public Stack? Find(string nameOrId)
    {
        lock (Lock)
            return nameOrId.StartsWith("arn:", StringComparison.Ordinal)
                ? _stacks.LastOrDefault(s => s.StackId == nameOrId)
                : _stacks.LastOrDefault(s => s.StackName == nameOrId && !s.IsDeleted);
    }

    public Stack Require(string nameOrId) =>
        Find(nameOrId) ?? throw AwsError.Validation($"Stack with id {nameOrId} does not exist");

    public Stack Add(string name)
    {
        lock (Lock)
        {
            var stack = new Stack($"arn:aws:cloudformation:{Region}:{AccountId}:stack/{name}/{Ids.Guid($"stack/{name}/{_serial++}")}", name, Now());
            _stacks.Add(stack);
            return stack;
        }
    }

    public ChangeSet? FindChangeSet(string nameOrArn, string? stackName)
    {
        lock (Lock)
        {
            if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
                return _stacks.SelectMany(s => s.ChangeSets).FirstOrDefault(c => c.Id == nameOrArn);
            return stackName is null ? null : Find(stackName)?.ChangeSets.LastOrDefault(c => c.Name == nameOrArn);
        }
    }

    public void FailResource(string logicalId, string reason) { lock (Lock) _failures[logicalId] = reason; }

    public void FailResourceDeletion(string logicalId, string reason) { lock (Lock) _deletionFailures[logicalId] = reason; }

    public void ClearFailure(string logicalId)
    {
        lock (Lock)
        {
            _failures.Remove(logicalId);
            _deletionFailures.Remove(logicalId);
        }
    }

    public string? DeletionFailureFor(string logicalId) { lock (Lock) return _deletionFailures.GetValueOrDefault(logicalId); }

    public string? FailureFor(string logicalId) { lock (Lock) return _failures.GetValueOrDefault(logicalId); }

    public void AddEvent(Stack stack, string logicalId, string? physicalId, string type, string status, string? reason, string? properties = null)
    {
        lock (Lock)
        {
            stack.Events.Add(new StackEvent(Ids.Guid($"{stack.StackId}/event/{stack.Events.Count}"), logicalId, physicalId, type, Now(), status, reason, properties, stack.OperationToken));
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes once the condition holds: checked now, then after every stack event (status changes included).</summary>
    public Task WhenAsync(Func<bool> condition)
    {
        lock (Lock)
        {
            if (condition()) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task;
        }
    }

    /// <summary>Sets the stack status and emits the stack-level event CloudFormation emits with it.</summary>
    public void SetStatus(Stack stack, string status, string? reason)
    {
        lock (Lock)
        {
            stack.Status = status;
            stack.StatusReason = reason;
            AddEvent(stack, stack.StackName, stack.StackId, "AWS::CloudFormation::Stack", status, reason);
        }
    }
}
