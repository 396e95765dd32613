using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>Runs a step of build/layouts.yaml (a command a TVM script runs, with <c>${...}</c> expanded): in the
/// build directory unless the step names a folder of the tree; <c>./x</c> is a program of that folder.</summary>
public static class ScriptSteps
{
    public static void Run(ProcessRunner runner, Step step, AbsolutePath tvmRoot, AbsolutePath buildDirectory,
        IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string?> environment,
        string context) =>
        runner.Run(Command(step, tvmRoot, buildDirectory, variables, environment, context));

    public static Command Command(Step step, AbsolutePath tvmRoot, AbsolutePath buildDirectory,
        IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string?> environment, string context)
    {
        var run = step.Run.Select(a => Layouts.Expand(a, variables, context)).ToList();
        var directory = step.Cwd is null
            ? buildDirectory
            : AbsolutePath.Create(Path.Combine(tvmRoot, Layouts.Expand(step.Cwd, variables, context)));
        string executable = run[0].StartsWith("./") ? directory / run[0][2..] : run[0];
        return new Command(executable, run.Skip(1).ToList(), directory, environment);
    }
}
