namespace TvmBuild.Engine;

/// <summary>How <see cref="ProcessRunner"/> treats one command.</summary>
public sealed record RunOptions
{
    public static RunOptions Default { get; } = new();

    /// <summary>A non-zero exit is an answer, not a failure of the target.</summary>
    public static RunOptions MayFail { get; } = new() { AllowFailure = true };

    public bool AllowFailure { get; init; }

    /// <summary>Its output is kept for the caller (and shown if it fails), not logged line by line.</summary>
    public bool Quiet { get; init; }

    /// <summary>What to tell the user when it fails, besides the command's own hint.</summary>
    public string? FailureHint { get; init; }
}
