using System.CommandLine;

namespace ComposeEcs.Cli.Rendering;

/// <summary>The <c>--format table|json</c> option of listing commands.</summary>
public static class OutputFormat
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format") { Description = "Output format: table (default) or json", DefaultValueFactory = _ => "table" };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }
}
