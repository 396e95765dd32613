using System.Text;

namespace TvmBuild.Engine;

/// <summary>On a terminal, keeps one line at the bottom saying which target runs and for how long, redrawn
/// under the scrolling log. Everything written to Console.Out passes through here, so log lines never mix with
/// it.</summary>
internal sealed class StatusLine : TextWriter
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly TextWriter _inner;
    private readonly Timer _timer;
    private string? _label;
    private DateTime _started;
    private bool _visible;
    private bool _atLineStart = true;

    private StatusLine(TextWriter inner)
    {
        _inner = inner;
        _timer = new Timer(_ => Redraw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public static StatusLine? Current { get; private set; }

    public static void Install()
    {
        Current = new StatusLine(Console.Out);
        Console.SetOut(Current);
    }

    public override Encoding Encoding => _inner.Encoding;

    public void Show(string? label)
    {
        lock (this)
        {
            _label = label;
            _started = DateTime.UtcNow;
            Hide();
            Draw();
        }
    }

    public override void Write(char value) => Write(value.ToString());
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (this)
        {
            Hide();
            _inner.Write(value);
            _atLineStart = value.EndsWith('\n');
            Draw();
        }
    }

    public override void Flush() { lock (this) _inner.Flush(); }

    private void Redraw() { lock (this) { Hide(); Draw(); } }

    private void Hide()
    {
        if (!_visible) return;
        _inner.Write(ClearLine);
        _visible = false;
    }

    private void Draw()
    {
        if (_label is null || !_atLineStart) { _inner.Flush(); return; }
        var elapsed = DateTime.UtcNow - _started;
        _inner.Write($"\u001b[7m {_label} \u001b[0m {(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}");
        _inner.Flush();
        _visible = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _timer.Dispose(); Show(null); }
        base.Dispose(disposing);
    }
}
