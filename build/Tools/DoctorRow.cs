namespace TvmBuild.Tools;

/// <summary>One line of Doctor's table: something targets need, what this machine has of it (null: missing), how to
/// get it, and the targets that need it (a target asked about needs it when one of them runs in its plan).</summary>
/// <param name="Optional">The target runs without it (a linter is skipped, Ninja falls back to Makefiles).</param>
/// <param name="Workaround">Missing, but the target runs anyway this way (--native turns the feature off).</param>
/// <param name="FromPreset">What a preset's setting needs (--native can work around it).</param>
public sealed record DoctorRow(string Need, string? Found, string Hint, IReadOnlyList<string> Targets,
    bool Optional = false, string? Workaround = null, bool FromPreset = false)
{
    public bool Blocks => Found is null && !Optional && Workaround is null;

    public string FoundText => Found ?? (Workaround is not null ? $"missing; {Workaround}: {Hint}"
        : $"MISSING{(Optional ? " (optional)" : "")}: {Hint}");
}
