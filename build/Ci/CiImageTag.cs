namespace TvmBuild.Ci;

/// <summary>The tag of the images a CI build makes, which a catalog step names as <c>{image-tag}</c>. TVM's docker
/// pipeline tags them &lt;branch&gt;-&lt;commit&gt;-&lt;build number&gt;, so that concurrent builds never share one;
/// GitHub's run id stands for the build number there, and a local run is <c>local</c>.</summary>
public static class CiImageTag
{
    public const string Placeholder = "{image-tag}";

    public static string Of(Func<string, string?> variable, string? commit)
    {
        string? Set(string name) => string.IsNullOrEmpty(variable(name)) ? null : variable(name);
        var branch = Set("BRANCH_NAME") ?? Set("GITHUB_HEAD_REF") ?? Set("GITHUB_REF_NAME") ?? "local";
        var number = Set("BUILD_NUMBER") ?? Set("GITHUB_RUN_ID");
        var tag = string.Join("-", new[] { branch, commit, number }.Where(p => p is not null));
        // A docker tag: [A-Za-z0-9_.-], not starting with '.' or '-', at most 128 characters.
        var clean = new string(tag.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-')
            .ToArray()).TrimStart('.', '-');
        return clean.Length > 128 ? clean[..128] : clean;
    }
}
