namespace TvmBuild.Engine;

/// <summary>Marks a field or property whose value comes from the command line, the environment, or
/// <c>.nuke/parameters*.json</c> (Nuke's <c>[Parameter]</c>).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>The CLI name without dashes, when the member name does not read well (<c>cmake-option</c>).</summary>
    public string? Name { get; set; }

    /// <summary>A variable TVM's own scripts use for the same thing (<c>TVM_HOME</c>), read before
    /// <c>TVM_BUILD_&lt;NAME&gt;</c> and <c>NUKE_&lt;NAME&gt;</c>. Generic names never are parameters.</summary>
    public string? EnvironmentVariable { get; set; }

    /// <summary>Hidden from <c>--help</c>, still accepted.</summary>
    public bool List { get; set; } = true;

    /// <summary>The option may be given bare (<c>--plan</c>, <c>--skip</c>); otherwise a missing value is an
    /// error.</summary>
    public bool ValueOptional { get; set; }

    /// <summary>Read only from the command line, never from the environment or a parameters file
    /// (<c>--yes</c>).</summary>
    public bool CommandLineOnly { get; set; }

    /// <summary>Smallest and largest value of a number.</summary>
    public int Minimum { get; set; } = int.MinValue;
    public int Maximum { get; set; } = int.MaxValue;

    /// <summary>The targets that read it, when fewer than those declared beside it (used by help and the warning
    /// for an option that no planned target reads).</summary>
    public string[]? For { get; set; }
}
