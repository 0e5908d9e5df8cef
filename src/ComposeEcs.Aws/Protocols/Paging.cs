using System.Runtime.CompilerServices;

namespace ComposeEcs.Aws.Protocols;

/// <summary>One page of a paginated list call.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

public static class Paging
{
    /// <summary>Follows NextToken (or Marker) until the service stops returning one; pages are fetched lazily.</summary>
    public static async IAsyncEnumerable<T> All<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
                yield return item;
            // A service answering the same token again would loop forever; treat it as the end.
            token = string.IsNullOrEmpty(page.NextToken) || page.NextToken == token ? null : page.NextToken;
        }
        while (token is not null);
    }

    public static async Task<IReadOnlyList<T>> CollectAsync<T>(this IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            list.Add(item);
        return list;
    }
}
