namespace TvmBuild.Tvm;

/// <summary>What a tree's tests and docs import (layouts.yaml's <c>python_modules</c>).</summary>
public sealed class PythonModules
{
    public List<string> Tests { get; set; } = [];
    public List<string> Docs { get; set; } = [];
}
