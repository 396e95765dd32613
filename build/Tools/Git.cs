using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Typed git invocations.</summary>
public static class Git
{
    // git always runs on this machine.
    public static string Executable => ToolResolver.Find("git", Packages.Hint("git"));

    public static Command Clone(string repository, AbsolutePath directory) =>
        new(Executable, "clone", "--no-checkout", repository, directory);

    public static Command Checkout(AbsolutePath directory, string reference) =>
        new(Executable, "-C", directory, "checkout", "--quiet", reference);

    public static Command UpdateSubmodules(AbsolutePath directory) =>
        new(Executable, "-C", directory, "submodule", "update", "--init", "--recursive");
}
