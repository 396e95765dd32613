namespace TvmBuild.Tvm;

public sealed class TestSuite
{
    public string Script { get; set; } = "";
    public string? InstallFfi { get; set; }
    public string AddoptsPrefix { get; set; } = "";
    public string? Xdist { get; set; }
    public Dictionary<string, string> Environment { get; set; } = [];
    public List<Step> Prepare { get; set; } = [];
    public List<PytestRun> Suites { get; set; } = [];
}
