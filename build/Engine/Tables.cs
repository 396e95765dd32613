using Spectre.Console;
using Spectre.Console.Rendering;

namespace TvmBuild.Engine;

/// <summary>Tables (the summary, Doctor, Lint, CiTask --list) drawn by Spectre.Console: cells wrap instead of breaking
/// the row. Plain (no colour, no terminal-width wrapping) when the output is not a person's terminal: CI logs and
/// NO_COLOR get lines that grep as before.</summary>
public static class Tables
{
    private const int PlainWidth = 400;

    public static string Render(IRenderable table, bool plain)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(text),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = plain || Console.IsOutputRedirected ? PlainWidth : Math.Max(Console.WindowWidth, 80);
        console.Write(table);
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');
    }

    /// <summary>Cells of plain text (Spectre reads [brackets] as markup otherwise).</summary>
    public static IRenderable[] Cells(params string[] texts) => texts.Select(t => (IRenderable)new Text(t)).ToArray();

    /// <summary>A table in the build's style: a double rule above and below, a single rule under the header.</summary>
    public static Table Create(params string[] headers)
    {
        var table = new Table { Border = TableBorder.Horizontal, ShowHeaders = true }.Collapse();
        foreach (var header in headers) table.AddColumn(new TableColumn(header) { NoWrap = false });
        return table;
    }
}
