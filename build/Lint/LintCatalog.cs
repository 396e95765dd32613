using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Lint;

/// <summary>The linters of a tree, read from it: on main each hook of .pre-commit-config.yaml; on v0.9.0 the steps of
/// tests/scripts/task_lint.sh. Linter ids are the hook ids where there is one.</summary>
public static class LintCatalog
{
    public static List<Linter> For(Layout layout, LintTools tools) => layout.Lint switch
    {
        LintSource.TaskLint => TaskLint(tools, layout),
        _ => PreCommit(tools, layout),
    };

    private static List<Linter> PreCommit(LintTools tools, Layout layout)
    {
        var file = tools.TvmRoot / ".pre-commit-config.yaml";
        if (!file.FileExists())
            throw new BuildFailure($"{tools.TvmRoot} has no .pre-commit-config.yaml.",
                "This layout lints with pre-commit's hooks; check --tvm-home.");
        var config = PreCommitConfig.Load(file);
        tools.Pins = LintPins.Read(tools.TvmRoot, layout, config);
        return config.Hooks.Select(hook => PreCommitHooks.For(hook, config, tools)).ToList();
    }

    private static List<Linter> TaskLint(LintTools tools, Layout layout)
    {
        tools.Pins = LintPins.Read(tools.TvmRoot, layout, null);
        return TaskLintSteps.For(tools);
    }
}
