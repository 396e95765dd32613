namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs the linters .ci/run installs (Debian's yamllint, node and npm, dev/lint's taplo and
/// smol-toml); Lint installs the pinned ruff and clang-format from npm itself.</summary>
public sealed class LintToolsFactAttribute : Xunit.FactAttribute
{
    public LintToolsFactAttribute()
    {
        var missing = new[] { "yamllint", "node", "npm" }
            .Where(t => RequiresToolFactAttribute.Which(t) is null).ToList();
        if (!Directory.Exists(Path.Combine(BuildScript.RepoRoot, "dev", "lint", "node_modules", "smol-toml")))
            missing.Add("dev/lint's npm tools");
        if (missing.Count > 0)
            Skip = $"needs {string.Join(", ", missing)} " +
                "(apt-get install yamllint nodejs npm; npm install --prefix dev/lint)";
    }
}
