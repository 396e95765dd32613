namespace TvmBuild.Engine;

public sealed class GitHubActionsHost : Host
{
    public override string Name => "GitHubActions";
    public override void BeginTarget(string name) => Console.Out.WriteLine($"::group::{name}");
    public override void EndTarget(string name) => Console.Out.WriteLine("::endgroup::");
    public override void ReportError(string target, string message) =>
        Console.Out.WriteLine(
            $"::error title={target}::{message.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A")}");
}
