using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>Serves built HTML with Kestrel on loopback (by default), injects a tiny live-reload script into pages, and
/// tells open pages over server-sent events when a rebuild finished (reload) or failed (show the error, keep the
/// pages).</summary>
public sealed class DocsServer : IAsyncDisposable
{
    private const string ReloadPath = "/__tvm_build_reload";
    private static readonly string Script =
        $$"""<script>(()=>{const s=new EventSource("{{ReloadPath}}");""" +
        """s.addEventListener("reload",()=>location.reload());""" +
        """s.addEventListener("failed",e=>{let b=document.getElementById("tvm-build-error");""" +
        """if(!b){b=document.createElement("pre");""" +
        """b.id="tvm-build-error";b.style.cssText="position:fixed;bottom:0;left:0;right:0;max-height:40%;""" +
        """overflow:auto;margin:0;padding:8px;background:#fee;color:#900;z-index:99999;border-top:2px solid #900";""" +
        """document.body.appendChild(b)}""" +
        """b.textContent="Docs rebuild failed; showing the last good pages.\n"+JSON.parse(e.data)});})();</script>""";

    private readonly WebApplication _app;
    private readonly List<Channel<(string Event, string Data)>> _clients = [];

    private DocsServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<DocsServer> Start(AbsolutePath root, string host, int port)
    {
        // Checked before the build too; the port may have been taken since.
        if (CannotServeOn(host, port, tryBind: true) is { } problem) throw new BuildFailure(problem);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The build owns Ctrl-C (it stops the watcher and this server); ASP.NET's console lifetime would swallow it.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, BuildLifetime>();
        builder.WebHost.UseUrls($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}");
        var app = builder.Build();
        var server = new DocsServer(app);
        var files = new ContainedFileProvider(root);
        app.Use((context, next) => context.Request.Path == ReloadPath ? server.Events(context) : next(context));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use((context, next) => WithReloadScript(context, next, files));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        await app.StartAsync();
        server.Url = $"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}/";
        return server;
    }

    /// <summary>Tells every open page: "reload" after a good rebuild, "failed" with the error after a bad
    /// one.</summary>
    public void Notify(string @event, string data = "")
    {
        lock (_clients) foreach (var client in _clients) client.Writer.TryWrite((@event, data));
    }

    /// <summary>The reload middleware: an HTML page gets the live-reload script before its &lt;/body&gt;; everything
    /// else (and any page the provider does not have) goes on to the static files.</summary>
    private static async Task WithReloadScript(HttpContext context, RequestDelegate next, ContainedFileProvider files)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            || files.GetFileInfo(path) is not { Exists: true } page)
        {
            await next(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        using var reader = new StreamReader(page.CreateReadStream());
        var html = await reader.ReadToEndAsync();
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        await context.Response.WriteAsync(at < 0 ? html + Script : html.Insert(at, Script));
    }

    private async Task Events(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var channel = Channel.CreateUnbounded<(string Event, string Data)>();
        lock (_clients) _clients.Add(channel);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var (name, data) in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                var json = System.Text.Json.JsonSerializer.Serialize(data, PlainJson.Default.String);
                var message = $"event: {name}\ndata: {json}\n\n";
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) { }
        finally { lock (_clients) _clients.Remove(channel); }
    }

    /// <summary>Why the pages cannot be served on host:port, as one line that says what to do; null when they can.
    /// Checked before anything is built: a taken port fails in a second, not after CMake and Sphinx.</summary>
    public static string? CannotServeOn(string host, int port, bool tryBind)
    {
        const string Addresses = "use 127.0.0.1 (the default), 0.0.0.0 or another address of this machine";
        if (port is < 1 or > 65535) return $"--port {port} is not a port: give one from 1 to 65535.";
        if (!IPAddress.TryParse(host == "localhost" ? "127.0.0.1" : host, out var address))
            return $"--host {host} is not an IP address: {Addresses}.";
        if (!tryBind) return null;
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
            probe.Stop();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return $"--host {host} is not an address of this machine, so it cannot be bound: {Addresses}.";
        }
        catch (SocketException)
        {
            return $"Port {port} on {host} is in use (or not allowed). Pick another one with --port.";
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients) foreach (var client in _clients) client.Writer.TryComplete();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
