using System.Text.Json;
using Shouldly;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Safety;

/// <summary>Runs a Jenkinsfile under tests/Safety/jenkins-stub.groovy (Debian's groovy, stand-in steps): the steps it
/// asks Jenkins for, in order, each as [step, arguments...].</summary>
internal static class JenkinsStub
{
    public static List<string[]> Run(string jenkinsfile, string changes = "code docs docker")
    {
        var stub = Path.Combine(BuildScript.RepoRoot, "tests", "Safety", "jenkins-stub.groovy");
        var (code, output) = Processes.Run("groovy", [stub, jenkinsfile, changes],
            environment: new Dictionary<string, string?> { ["JAVA_HOME"] = JavaHome() });
        code.ShouldBe(0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<string[]>(line) ?? throw new InvalidDataException(line))
            .ToList();
    }

    /// <summary>The scripts of the sh steps that run the build (not the checkout's git commands).</summary>
    public static List<string> Commands(this IEnumerable<string[]> steps) =>
        steps.Where(s => s[0] == "sh" && !s[1].StartsWith("git ")).Select(s => s[1]).ToList();

    // Debian's groovy script wants JAVA_HOME; default-java is absent on some images.
    internal static string JavaHome()
    {
        if (Directory.Exists("/usr/lib/jvm/default-java")) return "/usr/lib/jvm/default-java";
        var java = new FileInfo("/usr/bin/java").ResolveLinkTarget(true)!.FullName; // <home>/bin/java
        return Path.GetDirectoryName(Path.GetDirectoryName(java)!)!;
    }
}
