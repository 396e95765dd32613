namespace TvmBuild.Tvm;

/// <summary>The llvm-config versions a tree builds with (layouts.yaml's <c>llvm</c>).</summary>
public sealed class LlvmRange
{
    public int Min { get; set; }
    public int Max { get; set; } = int.MaxValue;

    public bool Contains(int major) => major >= Min && major <= Max;
    public override string ToString() => Max == int.MaxValue ? $">= {Min}" : $"{Min} to {Max}";
}

/// <summary>What a tree's tests and docs import (layouts.yaml's <c>python_modules</c>).</summary>
public sealed class PythonModules
{
    public List<string> Tests { get; set; } = [];
    public List<string> Docs { get; set; } = [];
}

/// <summary>What a config.cmake setting needs when it is on (layouts.yaml's <c>features</c>).</summary>
public sealed class Feature
{
    /// <summary>"library:NAME", "command:NAME", "path:PATH", "tree:DIR", "module:NAME"; ${KEY} names a
    /// setting.</summary>
    public List<string> Needs { get; set; } = [];
    /// <summary>The values for which it needs them (default: any value but OFF).</summary>
    public List<string>? When { get; set; }
    /// <summary>The Debian package that brings what it needs.</summary>
    public string? Package { get; set; }
}
