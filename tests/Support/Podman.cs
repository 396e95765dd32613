namespace TvmBuild.Tests.Support;

/// <summary>A real container engine for tests: Debian's podman with runc, and a tiny image the tests make themselves
/// (a busybox rootfs; the host's /usr and /etc/alternatives are mounted through TVM_DEV_DOCKER_MOUNTS, which
/// docker/bash.sh honours, so cmake, ninja, g++ and python3 are the host's).</summary>
public static class Podman
{
    public const string Image = "tvm-build-test:busybox";

    private static readonly Lazy<string?> Unavailable = new(Prepare);

    /// <summary>Null when podman can run the test image here; else why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static string ConfigFile { get; } = Path.Combine(Path.GetTempPath(), "tvm-build-containers.conf");

    public static Dictionary<string, string?> Environment => new()
    {
        ["CONTAINERS_CONF"] = ConfigFile,
        ["TVM_DEV_DOCKER_MOUNTS"] = "/usr /etc/alternatives",
    };

    private static string? Prepare()
    {
        if (RequiresToolFactAttribute.Which("podman") is null)
            return "podman is not installed (apt-get install podman runc busybox-static)";
        if (!File.Exists("/bin/busybox")) return "busybox-static is not installed";
        // crun and podman's default ulimits fail in this sandbox; runc without them works.
        File.WriteAllText(ConfigFile, "[containers]\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\n");
        var root = BuildScript.TempDirectory("busybox-rootfs-");
        foreach (var directory in new[] { "bin", "etc", "tmp", "proc", "sys", "dev", "root" })
            Directory.CreateDirectory(Path.Combine(root, directory));
        File.Copy("/bin/busybox", Path.Combine(root, "bin", "busybox"));
        foreach (var applet in new[] { "sh", "ls", "cat", "echo", "id", "env", "sleep", "true", "false" })
            File.CreateSymbolicLink(Path.Combine(root, "bin", applet), "busybox");
        foreach (var (link, target) in new[] { ("lib", "usr/lib"), ("lib64", "usr/lib64"), ("sbin", "usr/sbin") })
            File.CreateSymbolicLink(Path.Combine(root, link), target);
        File.WriteAllText(Path.Combine(root, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        File.WriteAllText(Path.Combine(root, "etc", "group"), "root:x:0:\n");
        var (code, output) = Shell($"tar -C {root} -c . | podman import - {Image} && podman run --rm {Image} true");
        return code == 0 ? null : $"podman cannot start a container here: {output.Trim().Split('\n').LastOrDefault()}";
    }

    public static (int Code, string Output) Shell(string script) =>
        Processes.Run("bash", ["-c", script],
            environment: new Dictionary<string, string?> { ["CONTAINERS_CONF"] = ConfigFile });
}
