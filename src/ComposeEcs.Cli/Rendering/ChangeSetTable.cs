using ComposeEcs.Deploy;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ComposeEcs.Cli.Rendering;

/// <summary>The change set as a table: action (Add / Modify / Remove), logical ID, type, replacement.</summary>
public static class ChangeSetTable
{
    public static IRenderable Render(IReadOnlyList<PlannedChange> changes)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Action").AddColumn("Logical ID").AddColumn("Type").AddColumn("Replacement");
        foreach (var change in changes.OrderBy(c => ActionOrder(c.Action)).ThenBy(c => c.LogicalId, StringComparer.Ordinal))
        {
            table.AddRow(
                new Markup(Markup.Escape(change.Action), new Style(ActionColor(change.Action))),
                new Text(change.LogicalId),
                new Text(change.ResourceType, new Style(Color.Grey)),
                new Text(change.Replacement is null or "" ? "" : change.Replacement,
                    change.Replacement == "True" ? new Style(Color.Yellow) : Style.Plain));
        }
        return table;
    }

    public static string Summary(IReadOnlyList<PlannedChange> changes)
    {
        int Count(string action) => changes.Count(c => c.Action == action);
        return $"{Count("Add")} to add, {Count("Modify")} to modify, {Count("Remove")} to remove";
    }

    private static int ActionOrder(string action) => action switch { "Add" => 0, "Modify" => 1, "Remove" => 2, _ => 3 };

    private static Color ActionColor(string action) => action switch
    {
        "Add" => Color.Green,
        "Modify" => Color.Yellow,
        "Remove" => Color.Red,
        _ => Color.Default,
    };
}
