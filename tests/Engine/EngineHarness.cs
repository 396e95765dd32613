using System.Linq.Expressions;
using TvmBuild.Engine;

namespace TvmBuild.Tests.Engine;

/// <summary>Runs a test build in-process, as <c>./build.sh args</c> would, with its root in a temporary folder.
/// Tests that use it join <see cref="EngineCollection"/>.</summary>
public static class EngineHarness
{
    public static List<string> Ran { get; } = [];

    public static EngineResult Run<T>(params string[] args) where T : NukeBuild, new() => RunIn<T>(NewRoot(), args);

    public static EngineResult RunDefault<T>(Expression<Func<T, Target>> defaultTarget, params string[] args)
        where T : NukeBuild, new() =>
        RunIn(NewRoot(), args, defaultTarget);

    public static string NewRoot()
    {
        var root = Directory.CreateTempSubdirectory("tvm-build-engine-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        return root;
    }

    public static EngineResult RunIn<T>(string root, params string[] args) where T : NukeBuild, new() =>
        RunIn<T>(root, args, []);

    public static EngineResult RunIn<T>(string root, string[] args, params Expression<Func<T, Target>>[] defaults)
        where T : NukeBuild, new()
    {
        Ran.Clear();
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exitCode = NukeBuild.Execute([.. args, "--root", root, "--no-logo", "--host", "CI"], defaults);
            return new EngineResult(exitCode, output.ToString(), [.. Ran]);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
