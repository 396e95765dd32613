using Xunit;

namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs a tool this machine may lack: skipped, visibly, naming how to get it.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string install)
    {
        if (Which(tool) is null) Skip = $"needs {tool}: {install}";
    }

    public static string? Which(string tool) =>
        tool.Contains('/')
            ? (File.Exists(Path.Combine(Support.BuildScript.RepoRoot, tool)) || File.Exists(tool) ? tool : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool))
                .FirstOrDefault(File.Exists);
}
