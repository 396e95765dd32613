namespace TvmBuild.Tvm;

public sealed class CppTestSpec
{
    public string Script { get; set; } = "";
    public List<string> CmakeTargets { get; set; } = [];
    public Dictionary<string, string> Environment { get; set; } = [];
    public List<Step> Steps { get; set; } = [];
}
