using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>Docs --serve serves nothing whose real path leaves the output folder, and checks --port
/// and --host before anything is built.</summary>
public class DocsServeSafetyTests
{
    private static string[] DocsArgs(string tree, string build, params string[] more) =>
        ["Docs", "--tvm-home", tree, "--build-dir", build, "--compiler-cache", "none", .. more];

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [RequiresToolFact("sphinx-build", "apt-get install python3-sphinx")]
    public void Symlinks_that_lead_out_of_the_output_folder_are_404()
    {
        var build = TempDirectory();
        var docs = Path.Combine(build, "docs");
        var html = Path.Combine(docs, "html");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var answers = new Dictionary<string, (HttpStatusCode Status, string Body)>();
        var args = DocsArgs(Trees.CopyFixture(), build, "--serve", "--port", port.ToString());
        var result = Run(args, whileRunning: process =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            WaitUntil(() => Get(http, $"{url}/").Status == HttpStatusCode.OK, "the server to answer");
            // A folder beside html whose name starts like it: a prefix compare of paths would let it through.
            Directory.CreateDirectory(Path.Combine(docs, "html-evil"));
            File.WriteAllText(Path.Combine(docs, "html-evil", "secret.txt"), "SIBLING SECRET");
            File.WriteAllText(Path.Combine(docs, "secret.html"), "<p>SIBLING SECRET</p>");
            File.CreateSymbolicLink(Path.Combine(html, "passwd.html"), "/etc/passwd");
            File.CreateSymbolicLink(Path.Combine(html, "passwd.txt"), "/etc/passwd");
            Directory.CreateSymbolicLink(Path.Combine(html, "etc"), "/etc");
            Directory.CreateSymbolicLink(Path.Combine(html, "evil"), "../html-evil");
            File.CreateSymbolicLink(Path.Combine(html, "sibling.html"), "../secret.html");
            Directory.CreateDirectory(Path.Combine(html, "deep"));
            File.CreateSymbolicLink(Path.Combine(html, "deep", "up.html"), "../../secret.html");
            Directory.CreateSymbolicLink(Path.Combine(html, "deep", "loop"), "loop");
            File.CreateSymbolicLink(Path.Combine(html, "alias.html"), "install.html"); // stays inside: served
            foreach (var path in new[] { "/passwd.html", "/passwd.txt", "/etc/passwd", "/evil/secret.txt",
                         "/sibling.html", "/deep/up.html", "/deep/loop/x.html", "/alias.html", "/install.html" })
                answers[path] = Get(http, url + path);
            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        });
        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var path in new[] { "/passwd.html", "/passwd.txt", "/etc/passwd", "/evil/secret.txt", "/sibling.html",
                     "/deep/up.html", "/deep/loop/x.html" })
        {
            answers[path].Status.ShouldBe(HttpStatusCode.NotFound, path);
            answers[path].Body.ShouldNotContain("root:");
            answers[path].Body.ShouldNotContain("SIBLING SECRET");
        }
        answers["/alias.html"].Status.ShouldBe(HttpStatusCode.OK);
        answers["/alias.html"].Body.ShouldBe(answers["/install.html"].Body);
    }

    [Fact]
    public void A_port_in_use_fails_in_one_line_before_anything_is_built()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var build = TempDirectory();
            var result = Run(DocsArgs(Trees.CopyFixture(), build, "--serve", "--port", port.ToString()));
            result.ExitCode.ShouldBe(255, result.ToString());
            result.Output.Trim().Split('\n').ShouldHaveSingleItem(result.ToString())
                .ShouldContain($"Port {port} on 127.0.0.1 is in use (or not allowed).");
            Directory.EnumerateFileSystemEntries(build).ShouldBeEmpty(); // no CMake, no Sphinx
        }
        finally { listener.Stop(); }
    }

    [Theory]
    [InlineData("--host", "192.0.2.1", "192.0.2.1 is not an address of this machine")]
    [InlineData("--host", "docs.example", "--host docs.example is not an IP address")]
    [InlineData("--port", "70000",
        "Invalid value '70000' for --port (from the command line): expected a whole number from 1 to 65535")]
    [InlineData("--port", "0",
        "Invalid value '0' for --port (from the command line): expected a whole number from 1 to 65535")]
    public void An_address_that_cannot_be_bound_fails_in_one_line_before_anything_is_built(
        string name, string value, string message)
    {
        var build = TempDirectory();
        var more = name == "--port" ? new[] { "--port", value } : ["--port", FreePort().ToString(), "--host", value];
        var result = Run(DocsArgs(Trees.CopyFixture(), build, ["--serve", .. more]));
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.Trim().Split('\n').ShouldHaveSingleItem(result.ToString()).ShouldContain(message);
        Directory.EnumerateFileSystemEntries(build).ShouldBeEmpty();
    }

    private static (HttpStatusCode Status, string Body) Get(HttpClient http, string url)
    {
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
        catch (HttpRequestException) { return (0, ""); }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited for {what}");
            Thread.Sleep(200);
        }
    }
}
