namespace TvmBuild.Engine;

/// <summary>What a target's result depends on, declared next to it with <c>.Inputs(...)</c> as <c>Needs</c> are: the
/// files and folders of a tree it reads (hashed as they are on disk, uncommitted edits included), the values that
/// change its result (parameters, the image, tool versions), and the files it leaves that a reuse restores (its
/// outputs and JUnit files, relative to <see cref="OutputRoot"/>). A target without inputs is never cached; its effects
/// must be covered by the inputs of the targets that depend on it (Configure's by Compile's).</summary>
public sealed record StepInputs(AbsolutePath Tree)
{
    public IReadOnlyList<string> Paths { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; init; } = [];
    public AbsolutePath? OutputRoot { get; init; }
    /// <summary>Globs relative to <see cref="OutputRoot"/> (<c>lib/libtvm*.so</c>, <c>pytest-results/*.xml</c>).
    /// </summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
    /// <summary>The result must come from the cache (<c>Compile --from-cache</c>): a miss fails.</summary>
    public bool FromCacheOnly { get; init; }
    /// <summary>Reuse needs the outputs: with none recorded (a build that made nothing), the step runs.</summary>
    public bool NeedsOutputs { get; init; }
    /// <summary>Patterns of top-level folders left out of <see cref="Paths"/> (<c>build*</c>).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    public StepInputs With(string name, string? value) =>
        value is null ? this : this with { Values = [.. Values, new(name, value)] };
}
