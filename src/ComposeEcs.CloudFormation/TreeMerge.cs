using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

/// <summary>Deep merge of an overlay (such as <c>x-aws-cloudformation</c>) over a template tree.</summary>
public static class TreeMerge
{
    /// <summary>
    /// Returns <paramref name="target"/> with <paramref name="overlay"/> merged over it:
    /// <list type="bullet">
    /// <item>maps merge key by key, recursively; keys only in the overlay are appended in the overlay's order;</item>
    /// <item>scalars and lists in the overlay replace the target's value (lists are not concatenated);</item>
    /// <item>a <c>null</c> in the overlay deletes the key from the target (so users can remove a generated property);</item>
    /// <item>an intrinsic function (a one-key map such as <c>Ref</c> or <c>Fn::GetAtt</c>) on either side replaces
    /// rather than merges, since merging two functions would make an invalid one.</item>
    /// </list>
    /// Neither input is changed.
    /// </summary>
    public static MapExpr Merge(MapExpr target, MapExpr overlay)
    {
        var entries = target.Entries.ToList();
        foreach (var (key, value) in overlay.Entries)
        {
            var index = entries.FindIndex(e => e.Key == key);
            if (value is Null)
            {
                if (index >= 0) entries.RemoveAt(index);
                continue;
            }
            if (index < 0) entries.Add(KeyValuePair.Create(key, WithoutNulls(value)));
            else entries[index] = KeyValuePair.Create(key, MergeValue(entries[index].Value, value));
        }
        return new MapExpr(entries.ToImmutableArray());
    }

    private static Expr MergeValue(Expr target, Expr overlay) =>
        target is MapExpr t && overlay is MapExpr o && !IsIntrinsic(t) && !IsIntrinsic(o) ? Merge(t, o) : WithoutNulls(overlay);

    /// <summary>A value new to the target has nothing to delete, so its null map entries are dropped, not written.</summary>
    private static Expr WithoutNulls(Expr value) =>
        value is MapExpr map && !IsIntrinsic(map) ? Merge(MapExpr.Empty, map) : value;

    private static bool IsIntrinsic(MapExpr map) => Fn.IsFunction(map);
}
