namespace TvmBuild.Tvm;

public sealed class PytestRun
{
    public string Name { get; set; } = "";
    public string? Ffi { get; set; }
    public List<string> Args { get; set; } = [];
    public Dictionary<string, string> Environment { get; set; } = [];
}
