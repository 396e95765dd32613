using System.Text.Json;
using System.Text.RegularExpressions;

namespace TvmBuild.Ci;

/// <summary>The branch and pull request title the change checks read, from the CI's environment. Jenkins (a
/// multibranch job, as TVM's) sets BRANCH_NAME, <c>PR-123</c> for a pull request, and CHANGE_TITLE. Under GitHub
/// Actions a pull request (GITHUB_HEAD_REF set) is <c>PR-</c> and its number from GITHUB_REF
/// (<c>refs/pull/123/merge</c>), as Jenkins names the same pull request, with the title of the event's payload; a
/// push is its branch (GITHUB_REF_NAME). Outside CI nothing is set unless the user sets BRANCH_NAME and CHANGE_TITLE
/// to ask what CI would decide.</summary>
public static partial class ChangeEnvironment
{
    public static (string? Branch, string? Title) Read(Func<string, string?> environment)
    {
        var title = environment("CHANGE_TITLE");
        if (environment("BRANCH_NAME") is { } branch) return (branch, title);
        if (environment("GITHUB_ACTIONS") != "true") return (null, title);
        if (environment("GITHUB_HEAD_REF") is not { Length: > 0 })
            return (environment("GITHUB_REF_NAME") is { Length: > 0 } pushed ? pushed : null, title);
        var number = PullRef().Match(environment("GITHUB_REF") ?? "").Groups[1].Value;
        return ($"PR-{number}", title ?? EventTitle(environment("GITHUB_EVENT_PATH")));
    }

    /// <summary>pull_request.title of the event payload GitHub writes for the job; null when there is none.</summary>
    private static string? EventTitle(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(path));
            return payload.RootElement.TryGetProperty("pull_request", out var pull)
                && pull.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^refs/pull/(\d+)/")]
    private static partial Regex PullRef();
}
