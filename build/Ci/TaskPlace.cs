namespace TvmBuild.Ci;

/// <summary>Where a task's commands run: in its image (as CI runs them) or on this machine, and why.</summary>
public sealed record TaskPlace(string? Image, string Why);
