namespace TvmBuild.Tvm;

public sealed class Step
{
    public string? Cwd { get; set; }
    public List<string> Run { get; set; } = [];
    /// <summary>Set when the step runs C++ tests (gtest or ctest): it gets the JUnit file, --test-filter and the
    /// arguments after <c>--</c>.</summary>
    public TestFramework? Tests { get; set; }
}
