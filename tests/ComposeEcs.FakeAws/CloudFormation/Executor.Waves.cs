namespace ComposeEcs.FakeAws.CloudFormation;

internal sealed partial class Executor
{
    /// <summary>
    /// Runs work for every id once all its blockers among the ids are done, ready ones side by side as CloudFormation
    /// does. Returns the ids whose work failed; ids blocked by a failure never run.
    /// </summary>
    private static async Task<IReadOnlyList<string>> InWaves(IReadOnlyList<string> ids, Func<string, IEnumerable<string>> blockers,
        bool stopOnFailure, Func<string, Task<bool>> work)
    {
        var all = ids.ToHashSet();
        var pending = ids.ToList();
        var done = new HashSet<string>();
        var failed = new List<string>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(id => blockers(id).All(b => done.Contains(b) || !all.Contains(b))).ToList();
            if (ready.Count == 0) break;
            var results = await Task.WhenAll(ready.Select(async id => (Id: id, Ok: await work(id))));
            foreach (var (id, ok) in results)
            {
                pending.Remove(id);
                if (ok) done.Add(id);
                else failed.Add(id);
            }
            if (failed.Count > 0 && stopOnFailure) break;
        }
        return failed;
    }
}
