using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Docs with Debian's Sphinx on the fixture's docs/, and --serve over real HTTP on loopback.</summary>
public class DocsTests
{
    internal static string[] DocsArgs(string tree, string build, params string[] more) =>
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
    public void Docs_builds_html_and_counts_the_warning()
    {
        var build = TempDirectory();
        var result = Run(DocsArgs(Fixture, build));
        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(Path.Combine(build, "docs", "html", "index.html")).ShouldContain("TVM Fixture Docs");
        // the source, not the staging copy
        result.Output.ShouldContain($"[WRN] {Fixture}/docs/api.rst:6: WARNING: unknown document: 'missing-page'");
        result.Output.ShouldContain($"Docs: {build}/docs/html/index.html, 1 warning (tutorials: none)");
        result.Output.ShouldContain("TVM_TUTORIAL_EXEC_PATTERN=none");

        var strict = Run(DocsArgs(Fixture, build, "--warnings-as-errors", "--skip", "Compile", "Configure"));
        strict.ExitCode.ShouldBe(255);
        strict.Output.ShouldContain("Sphinx failed: 1 warning (--warnings-as-errors)");
    }

    [RequiresToolFact("sphinx-build", "apt-get install python3-sphinx")]
    public void A_failed_docs_build_gives_its_error_and_no_warning_count()
    {
        var tree = Trees.CopyFixture();
        File.AppendAllText(Path.Combine(tree, "docs", "conf.py"), "\nraise RuntimeError('conf.py is broken')\n");
        var result = Run(DocsArgs(tree, TempDirectory(), "--skip", "Compile", "Configure"));
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch(@"Docs\s+Failed.+// Sphinx failed: .*RuntimeError: conf.py is broken");
        result.Output.ShouldNotContain("warning (tutorials");
        result.Output.ShouldNotContain("warnings (tutorials");
    }

    [Fact]
    public void A_port_in_use_is_named_with_a_hint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            var build = TempDirectory();
            Run(DocsArgs(Fixture, build)).ExitCode.ShouldBe(0);
            var result = Run(DocsArgs(Fixture, build, "--serve", "--port", port.ToString(), "--skip", "Compile",
                "Configure"));
            result.ExitCode.ShouldBe(255);
            result.Output.ShouldContain($"Port {port} on 127.0.0.1 is in use (or not allowed).");
            result.Output.ShouldContain("Pick another one with --port.");
        }
        finally { listener.Stop(); }
    }

    [RequiresToolFact("sphinx-build", "apt-get install python3-sphinx")]
    public void Serve_serves_refuses_traversal_rebuilds_on_change_and_stops_on_ctrl_c()
    {
        var tree = Trees.CopyFixture();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        var result = Run(DocsArgs(tree, TempDirectory(), "--serve", "--port", port.ToString()), whileRunning: process =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            WaitUntil(() => Get(http, url).Status == HttpStatusCode.OK, "the server to answer");
            var index = Get(http, url);
            index.Body.ShouldContain("<title>TVM Fixture Docs");
            index.Body.ShouldContain("__tvm_build_reload"); // the live-reload script
            Get(http, $"{url}nope.html").Status.ShouldBe(HttpStatusCode.NotFound);
            foreach (var attack in new[] { "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                "/%2F..%2F..%2Fetc%2Fpasswd" })
            {
                var raw = RawGet(port, attack);
                raw.ShouldStartWith("HTTP/1.1 404", customMessage: attack);
                raw.ShouldNotContain("root:x:0:0");
            }

            using var events = new TcpClient("127.0.0.1", port);
            var stream = events.GetStream();
            stream.Write(Encoding.ASCII.GetBytes($"GET /__tvm_build_reload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            ReadUntil(stream, ": connected");
            File.AppendAllText(Path.Combine(tree, "docs", "install.rst"),
                "\nA paragraph added while serving: XYZZY.\n");
            ReadUntil(stream, "event: reload");
            Get(http, $"{url}install.html").Body.ShouldContain("XYZZY");

            File.AppendAllText(Path.Combine(tree, "docs", "conf.py"), "\nthis is not python\n");
            ReadUntil(stream, "event: failed");
            Get(http, $"{url}install.html").Body.ShouldContain("XYZZY"); // the last good pages stay

            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        });
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"Docs: {url}");
        result.Output.ShouldContain("Rebuild failed, still serving the last good pages");
        result.Output.ShouldContain("Stopped serving");
    }

    [RequiresToolFact("chromium", "apt-get install chromium (.ci/run does)")]
    public void A_real_browser_renders_the_served_page()
    {
        var port = FreePort();
        string dom = "";
        Run(DocsArgs(Fixture, TempDirectory(), "--serve", "--port", port.ToString()), whileRunning: process =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            WaitUntil(() => Get(http, $"http://127.0.0.1:{port}/").Status == HttpStatusCode.OK, "the server to answer");
            var profile = TempDirectory();
            var chromium = Process.Start(new ProcessStartInfo("chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", "--dump-dom", $"http://127.0.0.1:{port}/install.html",
            ])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            dom = chromium.StandardOutput.ReadToEnd();
            chromium.WaitForExit(60_000);
            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        });
        dom.ShouldContain("<h1>Install");
        dom.ShouldContain("TVM Fixture Docs");
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

    /// <summary>A request with the path exactly as written (HttpClient would normalise "..").</summary>
    private static string RawGet(int port, string path)
    {
        using var client = new TcpClient("127.0.0.1", port);
        var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        return new StreamReader(stream).ReadToEnd();
    }

    private static void ReadUntil(NetworkStream stream, string text)
    {
        stream.ReadTimeout = 30_000;
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains(text))
        {
            var read = stream.Read(buffer);
            if (read == 0) throw new InvalidOperationException($"stream ended before '{text}': {seen}");
            seen.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited for {what}");
            Thread.Sleep(200);
        }
    }
}
