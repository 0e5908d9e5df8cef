using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs;

/// <summary>Reads <c>x-*</c> values (plain data, see <see cref="Compose.Model.Extensions"/>); <see cref="PlainData"/> turns them into template values.</summary>
internal static class ExtensionValues
{
    public static int? ToInt(object? value) => value switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        int i => i,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        string s when int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };
}
