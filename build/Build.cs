using TvmBuild.Engine;

/// <summary>TVM's build graph. Each concern is a component in Components/; this class only lists them.</summary>
partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Hello);

    [Parameter("Who to greet.")] readonly string Name = "world";

    Target Hello => _ => _
        .Description("Says hello")
        .Executes(() => ProcessTasks.Run(new Command("echo", "hello", Name)));
}
