namespace TvmBuild.Ci;

/// <summary>What TVM's change checks read: the branch Jenkins builds (<c>BRANCH_NAME</c>: <c>PR-123</c> for a pull
/// request; null when unset), the pull request's title, and the lines <c>git diff --no-commit-id --name-only -r
/// BASE</c> prints (git's quoting and all) against origin/main and against HEAD~1; a diff is null when git could not
/// make it (no HEAD~1 in a one-commit or shallow clone).</summary>
public sealed record ChangeFacts(
    string? Branch, string? Title, IReadOnlyList<string>? AgainstOriginMain, IReadOnlyList<string>? AgainstParent);
