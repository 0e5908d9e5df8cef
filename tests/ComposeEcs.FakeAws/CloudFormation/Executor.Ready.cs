namespace ComposeEcs.FakeAws.CloudFormation;

internal sealed partial class Executor
{
    /// <summary>
    /// Runs work for every id as soon as all its blockers among the ids are done, as CloudFormation starts a resource
    /// once what it depends on is complete (not in waves: a quick resource's dependents do not wait for a slow
    /// neighbour). Ids that become ready together start in the given order. Returns the ids whose work failed; after a
    /// failure with <paramref name="stopOnFailure"/> nothing new starts, and ids blocked by a failure never run.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AsReady(IReadOnlyList<string> ids, Func<string, IEnumerable<string>> blockers,
        bool stopOnFailure, Func<string, Task<bool>> work)
    {
        var all = ids.ToHashSet();
        var waitsFor = ids.Distinct().ToDictionary(id => id, id => blockers(id).Where(b => b != id && all.Contains(b)).ToHashSet());
        var pending = ids.Distinct().ToList();
        var done = new HashSet<string>();
        var failed = new List<string>();
        var running = new Dictionary<Task<bool>, string>();
        while (true)
        {
            if (!stopOnFailure || failed.Count == 0)
                foreach (var id in pending.Where(id => waitsFor[id].All(done.Contains)).ToList())
                {
                    pending.Remove(id);
                    running[work(id)] = id;
                }
            if (running.Count == 0) return failed;
            var finished = await Task.WhenAny(running.Keys);
            var finishedId = running[finished];
            running.Remove(finished);
            if (await finished) done.Add(finishedId);
            else failed.Add(finishedId);
        }
    }
}
