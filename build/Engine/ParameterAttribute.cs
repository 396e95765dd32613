namespace TvmBuild.Engine;

/// <summary>Marks a field or property whose value comes from the command line, the environment, or
/// <c>.nuke/parameters*.json</c> (Nuke's <c>[Parameter]</c>).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;
    /// <summary>The CLI name without dashes, when the member name does not read well (<c>cmake-option</c>).</summary>
    public string? Name { get; set; }
    /// <summary>The environment variable, when the one derived from the name would collide (<c>ENV</c>, <c>NAME</c>).</summary>
    public string? EnvironmentVariable { get; set; }
    /// <summary>Hidden from <c>--help</c>, still accepted.</summary>
    public bool List { get; set; } = true;
    /// <summary>A static member of the declaring type returning the allowed values (shown in help and completion).</summary>
    public string? ValueProviderMember { get; set; }
}
